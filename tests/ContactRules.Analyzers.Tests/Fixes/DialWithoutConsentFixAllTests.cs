using System.Linq;
using System.Threading.Tasks;
using ContactRules.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>
/// Fix-all of CR0001 on a small CRM in several files (a dialer behind an interface, a notifier
/// service, a background job, a controller, a timer): afterwards every path to a dial is either
/// checked or still warned. The fixed project is compiled and analysed.
/// </summary>
public class DialWithoutConsentFixAllTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ContactRules;
        using Crm;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    private const string Framework = Usings + """
        namespace Hosting
        {
            public abstract class BackgroundService { protected abstract Task ExecuteAsync(CancellationToken stoppingToken); }
            public abstract class ControllerBase { }
        }

        namespace Acme
        {
            public interface IVoiceDialer { void Call(Customer customer); }
        }
        """;

    [Fact]
    public Task RequiresConsent_everywhere_it_is_offered_leaves_every_unchecked_caller_warned()
    {
        var test = Project(
            dialer: """
                public sealed class TwilioDialer : IVoiceDialer
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");

                    // Reached through IVoiceDialer: callers through the interface would escape, so not offered.
                    public void Call(Customer customer) => {|CR0001:CallResource.Create(to: new PhoneNumber(customer.Phone), from: From)|};
                }
                """,
            notifier: """
                public sealed class Notifier
                {
                    public void Notify(Customer customer)
                    {
                        {|CR0001:MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "Your contract ends soon")|};
                    }
                }
                """,
            job: """
                public sealed class RenewalJob : Hosting.BackgroundService
                {
                    private readonly Notifier notifier = new Notifier();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    protected override Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        notifier.Notify(customer);
                        return Task.CompletedTask;
                    }
                }
                """,
            controller: """
                public sealed class RemindersController : Hosting.ControllerBase
                {
                    private readonly ContactGate gate = new ContactGate();
                    private readonly Notifier notifier = new Notifier();

                    public void Remind(Customer customer)
                    {
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            notifier.Notify(customer);
                        }
                    }

                    public void Blast(Customer customer) => notifier.Notify(customer);
                }
                """,
            timer: """
                public sealed class Pinger
                {
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    public Timer Start() => new Timer(Tick, null, 0, 60000);

                    // Run by a timer as a delegate: not offered.
                    private void Tick(object? state) => {|CR0001:MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "ping")|};
                }
                """);
        AddFixed(
            test,
            dialer: """
                public sealed class TwilioDialer : IVoiceDialer
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");

                    // Reached through IVoiceDialer: callers through the interface would escape, so not offered.
                    public void Call(Customer customer) => {|CR0001:CallResource.Create(to: new PhoneNumber(customer.Phone), from: From)|};
                }
                """,
            notifier: """
                public sealed class Notifier
                {
                    [RequiresConsent]
                    public void Notify(Customer customer)
                    {
                        MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "Your contract ends soon");
                    }
                }
                """,
            job: """
                public sealed class RenewalJob : Hosting.BackgroundService
                {
                    private readonly Notifier notifier = new Notifier();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    protected override Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        {|CR0001:notifier.Notify(customer)|};
                        return Task.CompletedTask;
                    }
                }
                """,
            controller: """
                public sealed class RemindersController : Hosting.ControllerBase
                {
                    private readonly ContactGate gate = new ContactGate();
                    private readonly Notifier notifier = new Notifier();

                    public void Remind(Customer customer)
                    {
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            notifier.Notify(customer);
                        }
                    }

                    public void Blast(Customer customer) => {|CR0001:notifier.Notify(customer)|};
                }
                """,
            timer: """
                public sealed class Pinger
                {
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    public Timer Start() => new Timer(Tick, null, 0, 60000);

                    // Run by a timer as a delegate: not offered.
                    private void Tick(object? state) => {|CR0001:MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "ping")|};
                }
                """);
        test.CodeActionEquivalenceKey = DialWithoutConsentFixer.RequiresConsentKey;
        return test.RunAsync();
    }

    [Fact]
    public Task Guards_everywhere_they_can_be_written_leave_the_rest_warned()
    {
        var test = Project(
            dialer: """
                public sealed class TwilioDialer : IVoiceDialer
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");

                    // No gate here: nothing to check with, so it stays warned.
                    public void Call(Customer customer) => {|CR0001:CallResource.Create(to: new PhoneNumber(customer.Phone), from: From)|};
                }
                """,
            notifier: """
                public sealed class Notifier
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");
                    private readonly ContactGate gate = new ContactGate();

                    public async Task Notify(Customer customer)
                    {
                        var message = await {|CR0001:MessageResource.CreateAsync(to: new PhoneNumber(customer.Phone), body: "Your contract ends soon")|};
                        Console.WriteLine(message);
                        {|CR0001:CallResource.Create(to: new PhoneNumber(customer.Phone), from: From)|};
                        {|CR0001:MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "See you soon")|};
                    }
                }
                """,
            job: """
                public sealed class RenewalJob : Hosting.BackgroundService
                {
                    private readonly Notifier notifier = new Notifier();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notifier.Notify(customer);
                }
                """,
            controller: """
                public sealed class RemindersController : Hosting.ControllerBase
                {
                    private readonly ContactGate gate = new ContactGate();

                    public void Remind(Customer payer, Customer beneficiary)
                    {
                        if (gate.Check(new ContactRequest(payer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            {|CR0003:MessageResource.Create(to: new PhoneNumber(beneficiary.Phone), body: "Your payer renewed")|};
                        }
                    }
                }
                """,
            timer: """
                public sealed class Pinger
                {
                    private readonly ContactGate gate = new ContactGate();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    public Timer Start() => new Timer(Tick, null, 0, 60000);

                    private void Tick(object? state) => {|CR0001:MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "ping")|};
                }
                """);
        AddFixed(
            test,
            dialer: """
                public sealed class TwilioDialer : IVoiceDialer
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");

                    // No gate here: nothing to check with, so it stays warned.
                    public void Call(Customer customer) => {|CR0001:CallResource.Create(to: new PhoneNumber(customer.Phone), from: From)|};
                }
                """,
            notifier: """
                public sealed class Notifier
                {
                    private static readonly PhoneNumber From = new PhoneNumber("+15550100");
                    private readonly ContactGate gate = new ContactGate();

                    public async Task Notify(Customer customer)
                    {
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            var message = await MessageResource.CreateAsync(to: new PhoneNumber(customer.Phone), body: "Your contract ends soon");
                            Console.WriteLine(message);
                        }

                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Voice)).IsAllowed)
                        {
                            CallResource.Create(to: new PhoneNumber(customer.Phone), from: From);
                        }

                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "See you soon");
                        }
                    }
                }
                """,
            job: """
                public sealed class RenewalJob : Hosting.BackgroundService
                {
                    private readonly Notifier notifier = new Notifier();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notifier.Notify(customer);
                }
                """,
            controller: """
                public sealed class RemindersController : Hosting.ControllerBase
                {
                    private readonly ContactGate gate = new ContactGate();

                    public void Remind(Customer payer, Customer beneficiary)
                    {
                        if (gate.Check(new ContactRequest(payer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            {|CR0003:MessageResource.Create(to: new PhoneNumber(beneficiary.Phone), body: "Your payer renewed")|};
                        }
                    }
                }
                """,
            timer: """
                public sealed class Pinger
                {
                    private readonly ContactGate gate = new ContactGate();
                    private readonly Customer customer = new Customer("c-1", "+33100000000");

                    public Timer Start() => new Timer(Tick, null, 0, 60000);

                    private void Tick(object? state)
                    {
                        if (gate.Check(new ContactRequest(customer.Contact, ContactChannel.Sms)).IsAllowed)
                        {
                            MessageResource.Create(to: new PhoneNumber(customer.Phone), body: "ping");
                        }
                    }
                }
                """);
        test.CodeActionEquivalenceKey = DialWithoutConsentFixer.GuardKey;
        return test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<ConsentFlowAnalyzer, DialWithoutConsentFixer, DefaultVerifier> Project(string dialer, string notifier, string job, string controller, string timer)
    {
        var test = Verify.CreateFixTest<DialWithoutConsentFixer>();
        test.TestState.Sources.Add(("/0/Framework.cs", Framework));
        test.TestState.Sources.Add(("/0/Dialing/TwilioDialer.cs", File(dialer)));
        test.TestState.Sources.Add(("/0/Services/Notifier.cs", File(notifier)));
        test.TestState.Sources.Add(("/0/Jobs/RenewalJob.cs", File(job)));
        test.TestState.Sources.Add(("/0/Web/RemindersController.cs", File(controller)));
        test.TestState.Sources.Add(("/0/Services/Pinger.cs", File(timer)));
        // Upper bounds (negative): one pass per document with a fix; the dials left warned offer none.
        test.NumberOfFixAllIterations = -2;
        test.NumberOfFixAllInDocumentIterations = -3;
        test.NumberOfIncrementalIterations = -5;
        return test;
    }

    private static void AddFixed(Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<ConsentFlowAnalyzer, DialWithoutConsentFixer, DefaultVerifier> test, string dialer, string notifier, string job, string controller, string timer)
    {
        test.FixedState.Sources.Add(("/0/Framework.cs", Framework));
        test.FixedState.Sources.Add(("/0/Dialing/TwilioDialer.cs", File(dialer)));
        test.FixedState.Sources.Add(("/0/Services/Notifier.cs", File(notifier)));
        test.FixedState.Sources.Add(("/0/Jobs/RenewalJob.cs", File(job)));
        test.FixedState.Sources.Add(("/0/Web/RemindersController.cs", File(controller)));
        test.FixedState.Sources.Add(("/0/Services/Pinger.cs", File(timer)));
    }

    private static string File(string body) => Usings + "using Acme;\n\nnamespace Acme\n{\n" + Indent(body) + "}\n";

    private static string Indent(string text)
        => string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";
}
