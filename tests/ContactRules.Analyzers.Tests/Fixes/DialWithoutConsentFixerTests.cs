using System.Threading.Tasks;
using ContactRules.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>
/// The CR0001 fixes. Each test compiles the fixed code with the stubs and asserts its diagnostics
/// (none unless marked: no compiler error, and only the analyzer warnings a test names).
/// </summary>
public class DialWithoutConsentFixerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ContactRules;
        using Crm;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    [Fact]
    public Task A_call_is_guarded_on_a_voice_check_for_the_person_called()
        => Guard(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    // Renewal reminder.
                    {|CR0001:dialer.Dial(c.Phone)|};
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    // Renewal reminder.
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task A_message_send_is_guarded_on_an_SMS_check()
        => Guard(
            """
                public void Remind(Customer c)
                {
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone), body: "Your contract ends soon")|};
                }
            """,
            """
                public void Remind(Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        MessageResource.Create(to: new PhoneNumber(c.Phone), body: "Your contract ends soon");
                    }
                }
            """);

    [Fact]
    public Task A_request_for_another_person_in_scope_is_not_used()
        => Guard(
            """
                public void CallBeneficiary(IDialer dialer, Customer payer, Customer beneficiary)
                {
                    var payerRequest = new ContactRequest(payer.Contact, ContactChannel.Voice);
                    Console.WriteLine(payerRequest);
                    {|CR0001:dialer.Dial(beneficiary.Phone)|};
                }
            """,
            """
                public void CallBeneficiary(IDialer dialer, Customer payer, Customer beneficiary)
                {
                    var payerRequest = new ContactRequest(payer.Contact, ContactChannel.Voice);
                    Console.WriteLine(payerRequest);
                    if (gate.Check(new ContactRequest(beneficiary.Contact, ContactChannel.Voice)).IsAllowed)
                    {
                        dialer.Dial(beneficiary.Phone);
                    }
                }
            """);

    [Fact]
    public Task The_request_already_built_for_that_person_and_channel_is_used()
        => Guard(
            """
                public void Remind(Customer c)
                {
                    var request = new ContactRequest(c.Contact, ContactChannel.Sms);
                    Console.WriteLine(request);
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                }
            """,
            """
                public void Remind(Customer c)
                {
                    var request = new ContactRequest(c.Contact, ContactChannel.Sms);
                    Console.WriteLine(request);
                    if (gate.Check(request).IsAllowed)
                    {
                        MessageResource.Create(to: new PhoneNumber(c.Phone));
                    }
                }
            """);

    [Fact]
    public Task The_decision_already_made_is_used_instead_of_a_second_check()
        => Guard(
            """
                public void Remind(Customer c)
                {
                    var decision = {|CR0002:gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms))|};
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                }
            """,
            """
                public void Remind(Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms));
                    if (decision.IsAllowed)
                    {
                        MessageResource.Create(to: new PhoneNumber(c.Phone));
                    }
                }
            """);

    [Fact]
    public Task A_voice_decision_does_not_guard_a_message()
        => Guard(
            """
                public void Remind(Customer c)
                {
                    var decision = {|CR0002:gate.Check(new ContactRequest(c.Contact))|};
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                }
            """,
            """
                public void Remind(Customer c)
                {
                    var decision = {|CR0002:gate.Check(new ContactRequest(c.Contact))|};
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        MessageResource.Create(to: new PhoneNumber(c.Phone));
                    }
                }
            """);

    [Fact]
    public Task After_a_reservation_the_dial_branches_on_it_and_no_check_is_added()
        => Guard(
            """
                public async Task Remind(Customer c)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(c.Contact, ContactChannel.Sms));
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                    Console.WriteLine(reservation);
                }
            """,
            // The branch on IsReserved is what the README's asynchronous path asks for, and the
            // analyzer reads it as the check of that person on that channel (issue 11, item 2).
            """
                public async Task Remind(Customer c)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(c.Contact, ContactChannel.Sms));
                    if (reservation.IsReserved)
                    {
                        MessageResource.Create(to: new PhoneNumber(c.Phone));
                    }

                    Console.WriteLine(reservation);
                }
            """);

    [Fact]
    public Task After_a_reservation_on_a_channel_that_cannot_be_told_no_check_is_added()
        => NoFix(
            """
                public async Task Remind(Customer c, ContactChannel channel)
                {
                    var reservation = await gate.TryReserveAsync(new ContactRequest(c.Contact, channel));
                    {|CR0001:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                    Console.WriteLine(reservation);
                }
            """,
            DialWithoutConsentFixer.GuardKey);

    [Fact]
    public Task A_declaration_is_guarded_with_the_statements_that_use_it()
        => Guard(
            """
                public async Task Remind(Customer c)
                {
                    var m = await {|CR0001:MessageResource.CreateAsync(to: new PhoneNumber(c.Phone), body: "Tomorrow at 10")|};
                    var text = m.ToString();
                    Console.WriteLine(text);
                    Console.WriteLine("done");
                }
            """,
            """
                public async Task Remind(Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        var m = await MessageResource.CreateAsync(to: new PhoneNumber(c.Phone), body: "Tomorrow at 10");
                        var text = m.ToString();
                        Console.WriteLine(text);
                    }

                    Console.WriteLine("done");
                }
            """);

    [Fact]
    public Task A_declaration_whose_value_is_returned_gets_no_guard()
        => NoFix(
            """
                public async Task<string> Remind(Customer c)
                {
                    var m = await {|CR0001:MessageResource.CreateAsync(to: new PhoneNumber(c.Phone))|};
                    return m.ToString();
                }
            """,
            DialWithoutConsentFixer.GuardKey);

    [Fact]
    public Task A_void_expression_body_becomes_a_guarded_block()
        => Guard(
            """
                public void Remind(IDialer dialer, Customer c) => {|CR0001:dialer.Dial(c.Phone)|};
            """,
            """
                public void Remind(IDialer dialer, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed)
                    {
                        dialer.Dial(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task A_dial_in_a_lambda_is_guarded_inside_the_lambda()
        => Guard(
            """
                public void RemindAll(IDialer dialer, List<Customer> customers)
                {
                    customers.ForEach(c => {|CR0001:dialer.Dial(c.Phone)|});
                }
            """,
            """
                public void RemindAll(IDialer dialer, List<Customer> customers)
                {
                    customers.ForEach(c =>
                    {
                        if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed)
                        {
                            dialer.Dial(c.Phone);
                        }
                    });
                }
            """);

    [Fact]
    public Task A_dial_whose_channel_cannot_be_told_gets_no_guard()
        => NoFix(
            """
                [DialApi] public void Notify(string phone) { }

                public void Run(Customer c)
                {
                    {|CR0001:Notify(c.Phone)|};
                }
            """,
            DialWithoutConsentFixer.GuardKey);

    [Fact]
    public Task A_dial_that_declares_its_channel_is_guarded_on_that_channel()
        => Guard(
            """
                [DialApi(Channel = ContactChannel.Sms)] public void Notify(string phone) { }

                public void Run(Customer c)
                {
                    {|CR0001:Notify(c.Phone)|};
                }
            """,
            """
                [DialApi(Channel = ContactChannel.Sms)] public void Notify(string phone) { }

                public void Run(Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        Notify(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task A_dial_whose_type_names_the_channel_is_guarded_on_that_channel()
        => Guard(
            """
                public sealed class TextMessages
                {
                    [DialApi] public void Send(string phone) { }
                }

                public void Run(TextMessages texts, Customer c)
                {
                    {|CR0001:texts.Send(c.Phone)|};
                }
            """,
            """
                public sealed class TextMessages
                {
                    [DialApi] public void Send(string phone) { }
                }

                public void Run(TextMessages texts, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed)
                    {
                        texts.Send(c.Phone);
                    }
                }
            """);

    [Fact]
    public Task RequiresConsent_moves_the_check_to_callers_that_all_check()
        => RequiresConsent(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                    {
                        Notify(dialer, c);
                    }
                }

                private void Notify(IDialer dialer, Customer c)
                {
                    {|CR0001:dialer.Dial(c.Phone)|};
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact)).IsAllowed)
                    {
                        Notify(dialer, c);
                    }
                }

                [RequiresConsent]
                private void Notify(IDialer dialer, Customer c)
                {
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task RequiresConsent_leaves_an_unchecked_caller_warned()
        => RequiresConsent(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    Notify(dialer, c);
                }

                private void Notify(IDialer dialer, Customer c)
                {
                    {|CR0001:dialer.Dial(c.Phone)|};
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    {|CR0001:Notify(dialer, c)|};
                }

                [RequiresConsent]
                private void Notify(IDialer dialer, Customer c)
                {
                    dialer.Dial(c.Phone);
                }
            """);

    [Theory]
    [InlineData("an interface implementation", """
        public interface INotifier { void Notify(IDialer dialer, Customer c); }

        public class Campaign : INotifier
        {
            public void Run(IDialer dialer, Customer c) { if (new ContactGate().Check(new ContactRequest(c.Contact)).IsAllowed) Notify(dialer, c); }

            public void Notify(IDialer dialer, Customer c)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
            }
        }
        """)]
    [InlineData("a job's entry point", """
        public abstract class BackgroundService { protected abstract Task ExecuteAsync(System.Threading.CancellationToken stoppingToken); }

        public class Campaign : BackgroundService
        {
            private readonly IDialer dialer = null!;
            private readonly Customer c = null!;

            protected override Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
                return Task.CompletedTask;
            }
        }
        """)]
    [InlineData("Main", """
        public static class Program
        {
            public static void Main()
            {
                IDialer dialer = null!;
                {|CR0001:dialer.Dial("+33100000000")|};
            }

            public static void Again() => Main();
        }
        """)]
    [InlineData("a controller action", """
        public class CallsController
        {
            private readonly IDialer dialer = null!;

            public void Call(Customer c)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
            }

            public void Again(Customer c) => Call(c);
        }
        """)]
    [InlineData("a method used as a timer callback", """
        public class Campaign
        {
            private readonly IDialer dialer = null!;
            private readonly Customer c = null!;

            public System.Threading.Timer Start() => new System.Threading.Timer(Tick, null, 0, 1000);

            private void Tick(object? state)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
            }
        }
        """)]
    [InlineData("a method a scheduler calls later", """
        public static class Jobs { public static void Enqueue(System.Linq.Expressions.Expression<Action> job) { } }

        public class Campaign
        {
            public void Plan(IDialer dialer, Customer c)
            {
                if (new ContactGate().Check(new ContactRequest(c.Contact)).IsAllowed)
                {
                    Jobs.Enqueue(() => Notify(dialer, c));
                }
            }

            public void Notify(IDialer dialer, Customer c)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
            }
        }
        """)]
    [InlineData("a method nobody calls", """
        public class Campaign
        {
            public void Notify(IDialer dialer, Customer c)
            {
                {|CR0001:dialer.Dial(c.Phone)|};
            }
        }
        """)]
    public Task RequiresConsent_is_not_offered_where_a_caller_escapes_the_check(string shape, string source)
    {
        Assert.NotEmpty(shape);
        var test = Verify.CreateFixTest<DialWithoutConsentFixer>();
        test.TestState.Sources.Add(Usings + source);
        test.FixedState.Sources.Add(Usings + source);
        test.CodeActionEquivalenceKey = DialWithoutConsentFixer.RequiresConsentKey;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    private static Task Guard(string body, string fixedBody)
    {
        var test = Verify.CreateFixTest<DialWithoutConsentFixer>();
        // One application of the fix is what is tested, even where the fixed code is still warned.
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        test.TestState.Sources.Add(Campaign(body));
        test.FixedState.Sources.Add(Campaign(fixedBody));
        test.CodeActionEquivalenceKey = DialWithoutConsentFixer.GuardKey;
        return test.RunAsync();
    }

    private static Task RequiresConsent(string body, string fixedBody)
    {
        var test = Verify.CreateFixTest<DialWithoutConsentFixer>();
        test.TestState.Sources.Add(Campaign(body));
        test.FixedState.Sources.Add(Campaign(fixedBody));
        test.CodeActionEquivalenceKey = DialWithoutConsentFixer.RequiresConsentKey;
        return test.RunAsync();
    }

    private static Task NoFix(string body, string equivalenceKey)
    {
        var test = Verify.CreateFixTest<DialWithoutConsentFixer>();
        test.TestState.Sources.Add(Campaign(body));
        test.FixedState.Sources.Add(Campaign(body));
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }

    private static string Campaign(string body) => Usings + $$"""
        public class Campaign
        {
            private readonly ContactGate gate = new ContactGate();

        {{body}}
        }
        """;
}
