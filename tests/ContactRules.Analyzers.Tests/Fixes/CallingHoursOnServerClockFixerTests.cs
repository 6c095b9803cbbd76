using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using ContactRules.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ServerClockCallingHoursAnalyzer>;
using VerifyConsent = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Fixes;

/// <summary>
/// The CR0004 fix: the policy's calling window, evaluated in the called person's zone, replaces
/// the server clock, and the fixed code refuses exactly when the gate refuses. Each fixed code is
/// compiled and analysed by both analyzers; the refusal shapes are also run, to see that they dial
/// exactly when the gate allows.
/// </summary>
public class CallingHoursOnServerClockFixerTests
{
    private const string Usings = """
        using System;
        using ContactRules;
        using Crm;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    [Fact]
    public Task A_refusal_pattern_becomes_a_refusal_by_the_gate()
        => Fix(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    var now = DateTime.Now;
                    if ({|CR0004:now.Hour is < 8 or >= 21|}) return;
                    {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    var now = DateTime.Now;
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed) return;
                    dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task An_allowance_becomes_the_gate_allowing()
        => Fix(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    if ({|CR0004:DateTime.Now.Hour >= 10|}) {|#0:dialer.Dial(c.Phone)|};
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed) dialer.Dial(c.Phone);
                }
            """);

    [Fact]
    public Task Before_a_message_the_gate_is_asked_for_the_SMS_channel()
        => Fix(
            """
                public void Remind(Customer c)
                {
                    if ({|CR0004:DateTime.Now.DayOfWeek == DayOfWeek.Sunday|}) return;
                    {|#0:MessageResource.Create(to: new PhoneNumber(c.Phone))|};
                }
            """,
            """
                public void Remind(Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Sms)).IsAllowed) return;
                    MessageResource.Create(to: new PhoneNumber(c.Phone));
                }
            """);

    [Fact]
    public Task The_decision_already_made_for_that_person_is_used()
        => Fix(
            """
                public void Run(IDialer dialer, Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice));
                    if ({|CR0004:DateTime.Now.Hour >= 20|}) return;
                    if (decision.IsAllowed) dialer.Dial(c.Phone);
                }
            """,
            """
                public void Run(IDialer dialer, Customer c)
                {
                    var decision = gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice));
                    if (!decision.IsAllowed) return;
                    if (decision.IsAllowed) dialer.Dial(c.Phone);
                }
            """,
            consentBefore: false);

    [Fact]
    public async Task Fixing_each_side_of_a_window_gives_two_refusals_and_fix_all_merges_them()
    {
        var test = Verify.CreateFixTest<CallingHoursOnServerClockFixer>();
        test.TestState.Sources.Add(Campaign("""
                public void Run(IDialer dialer, Customer c)
                {
                    if ({|CR0004:DateTime.Now.Hour < 10|} || {|CR0004:DateTime.Now.Hour >= 20|}) return;
                    dialer.Dial(c.Phone);
                }
            """));
        test.FixedState.Sources.Add(Campaign("""
                public void Run(IDialer dialer, Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed || !gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed) return;
                    dialer.Dial(c.Phone);
                }
            """));
        var merged = Campaign("""
                public void Run(IDialer dialer, Customer c)
                {
                    if (!gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed) return;
                    dialer.Dial(c.Phone);
                }
            """);
        test.BatchFixedState.Sources.Add(("/0/ContactRulesStubs.cs", Support.Stubs.ContactRules));
        test.BatchFixedState.Sources.Add(("/0/CrmStubs.cs", Support.Stubs.Crm));
        test.BatchFixedState.Sources.Add(merged);
        test.CodeActionEquivalenceKey = CallingHoursOnServerClockFixer.Key;
        await test.RunAsync();
        await VerifyConsent.AnalyzeAsync(merged);
        AssertDialsExactlyWhenAllowed(merged);
    }

    [Theory]
    [InlineData("a lunch break", "DateTime.Now.Hour == 12")]
    [InlineData("a single hour of the morning", "DateTime.Now.Hour == 9")]
    [InlineData("a weekday", "DateTime.Now.DayOfWeek == DayOfWeek.Monday")]
    public Task A_comparison_whose_polarity_cannot_be_told_gets_no_fix(string shape, string comparison)
    {
        Assert.NotEmpty(shape);
        var source = Campaign($$"""
                public void Run(IDialer dialer, Customer c)
                {
                    if ({|CR0004:{{comparison}}|}) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            """);
        return NoFix(source);
    }

    [Fact]
    public Task With_two_people_in_scope_no_fix_guesses_whose_window_it_is()
    {
        var source = Campaign("""
                public void CallBeneficiary(IDialer dialer, Customer payer, Customer beneficiary)
                {
                    if ({|CR0004:DateTime.Now.Hour >= 20|}) return;
                    if (beneficiary.SmsOptIn) dialer.Dial(beneficiary.Phone);
                }
            """);
        return NoFix(source);
    }

    [Fact]
    public void The_run_check_catches_the_old_fix_that_dialed_exactly_when_refused()
    {
        // What the fix once produced from `if (now.Hour is < 8 or >= 21) return;`.
        var inverted = Campaign("""
                public void Run(IDialer dialer, Customer c)
                {
                    if (gate.Check(new ContactRequest(c.Contact, ContactChannel.Voice)).IsAllowed) return;
                    dialer.Dial(c.Phone);
                }
            """);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertDialsExactlyWhenAllowed(inverted));
    }

    private static Task NoFix(string source)
    {
        var test = Verify.CreateFixTest<CallingHoursOnServerClockFixer>();
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source);
        return test.RunAsync();
    }

    private static async Task Fix(string body, string fixedBody, bool consentBefore = true)
    {
        var fixedSource = Campaign(fixedBody);
        await Verify.FixAsync<CallingHoursOnServerClockFixer>(Campaign(body.Replace("{|#0:", string.Empty).Replace("|};", ";")), fixedSource);

        // Before the fix the dial was not guarded (CR0001); after it, the gate guards it.
        if (consentBefore)
        {
            await VerifyConsent.AnalyzeAsync(Campaign(body.Replace("{|CR0004:", string.Empty).Replace("|})", ")").Replace("|}) ", ") ")), VerifyConsent.Diagnostic(DiagnosticIds.DialWithoutConsent, 0));
        }

        await VerifyConsent.AnalyzeAsync(fixedSource);
        if (fixedBody.Contains("dialer.Dial", StringComparison.Ordinal) && !fixedBody.Contains("decision", StringComparison.Ordinal))
        {
            AssertDialsExactlyWhenAllowed(fixedSource);
        }
    }

    private static string Campaign(string body) => Usings + $$"""
        public class Campaign
        {
            private readonly ContactGate gate = new ContactGate();

        {{body}}
        }
        """;

    /// <summary>Runs Campaign.Run with a gate that allows, then one that refuses: the fixed code dials exactly in the first case.</summary>
    private static void AssertDialsExactlyWhenAllowed(string fixedSource)
    {
        var compilation = CSharpCompilation.Create(
            "Executable" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(ExecutableStubs.Source), CSharpSyntaxTree.ParseText(fixedSource) },
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        var context = new AssemblyLoadContext("fixed-code", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            foreach (var allows in new[] { true, false })
            {
                var dialed = (bool)assembly.GetType("Crm.Harness")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { allows })!;
                Assert.Equal(allows, dialed);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
