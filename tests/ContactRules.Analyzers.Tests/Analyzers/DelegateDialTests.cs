using System.Threading.Tasks;
using Xunit;
using static ContactRules.Analyzers.Tests.Analyzers.FlowTestSource;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ConsentFlowAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>
/// A dial API used as a delegate. Kept in a local, it dials where the local is called, and is
/// checked there like the dial API; handed to a method with a sequence (<c>ForEach</c>,
/// <c>Parallel.ForEach</c>), it dials each element, reported at the method group; handed anywhere
/// else, it dials someone the analysis cannot name, reported at the method group.
/// </summary>
public class DelegateDialTests
{
    private static string Code(string members) => File($$"""
        public interface IRetry
        {
            void Execute(Action<string> action, string argument);
        }

        public sealed class Notifier
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;
            private readonly IRetry retry;
            private Action<string>? stored;
            public Notifier(ContactGate gate, IDialer dialer, IRetry retry) { this.gate = gate; this.dialer = dialer; this.retry = retry; }

        {{members}}
        }
        """);

    [Fact]
    public Task CR0001_delegate_in_a_local_is_checked_where_it_is_called()
        => Verify.AnalyzeAsync(Code("""
                public async Task Run(Customer customer, Customer other, bool async)
                {
                    Action<string> call = dialer.Dial;
                    Func<string, Task> callAsync = async ? dialer.DialAsync : number => Task.CompletedTask;
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    call(customer.Phone);
                    call.Invoke(customer.Phone);
                    await callAsync(customer.Phone);
                    {|#0:call(other.Phone)|};
                    await {|#1:callAsync(other.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 0).WithArguments("IDialer.Dial", "'other.Phone'", "'customer'"),
            Verify.Diagnostic(DiagnosticIds.ConsentForOtherContact, 1));

    [Fact]
    public Task CR0001_delegate_called_in_a_block_with_no_check_at_all()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer)
                {
                    Action<string> call = dialer.Dial;
                    Console.WriteLine("calling");
                    {|#0:call(customer.Phone)|};
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0));

    [Fact]
    public Task CR0001_method_group_handed_a_sequence_dials_each_element()
        => Verify.AnalyzeAsync(Code("""
                public void Run(List<Customer> customers)
                {
                    var allowed = customers.Where(c => gate.Check(new ContactRequest(c.Contact)).IsAllowed).Select(c => c.Phone).ToList();
                    allowed.ForEach(dialer.Dial);
                    Parallel.ForEach(allowed, dialer.Dial);
                    var everyone = customers.Select(c => c.Phone).ToList();
                    everyone.ForEach({|#0:dialer.Dial|});
                    Parallel.ForEach(everyone, {|#1:dialer.Dial|});
                }
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0).WithArguments("IDialer.Dial", "'everyone'", string.Empty),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1));

    [Fact]
    public Task CR0001_method_group_that_escapes_is_reported_where_it_is_made()
        => Verify.AnalyzeAsync(Code("""
                public void Run(Customer customer)
                {
                    if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed) return;
                    retry.Execute({|#0:dialer.Dial|}, customer.Phone);
                    stored = {|#1:dialer.Dial|};
                    Action<string> call = {|#2:dialer.Dial|};
                    Task.Run(() => call(customer.Phone));
                }

                public Action<string> Dialer() => {|#3:dialer.Dial|};
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0).WithArguments("IDialer.Dial", "someone", string.Empty),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 1),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 2),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 3));

    [Fact]
    public Task CR0001_method_group_inside_a_dial_API_is_its_callers_business()
        => Verify.AnalyzeAsync(Code("""
                [RequiresConsent]
                public void CallAll(List<string> numbers) => numbers.ForEach(dialer.Dial);

                public void Caller(List<string> numbers) => {|#0:CallAll(numbers)|};
            """),
            Verify.Diagnostic(DiagnosticIds.DialWithoutConsent, 0));

    [Fact]
    public Task CR0007_method_group_in_a_requested_contact_is_listed()
        => Verify.AnalyzeAsync(Code("""
                [RequestedContact(RequestedContactKind.RequestedCallback, "The person asked to be called back from the web form.")]
                public void CallBack(string number) => retry.Execute({|#0:dialer.Dial|}, number);
            """),
            Verify.Diagnostic(DiagnosticIds.RequestedContact, 0));
}
