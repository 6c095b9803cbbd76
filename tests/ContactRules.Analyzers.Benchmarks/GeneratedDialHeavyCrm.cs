using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// A dial-heavy CRM: every file is a DI service whose methods contact customers in the shapes
/// issue 11 lists (the asynchronous reservation, an injected SMS sender marked on its
/// implementation, LINQ filters and (contact, decision) tuples, a guard helper), eight of ten
/// methods dialing. Three contacts per file are wrong: a dial before the reservation is tested
/// (CR0001), an SMS after a voice check (CR0006), a dial of a list's last element after the check
/// of its first (CR0001). Deterministic.
/// </summary>
internal static class GeneratedDialHeavyCrm
{
    /// <summary>The diagnostics each generated service file must produce.</summary>
    public const int DiagnosticsPerFile = 3;

    public static IEnumerable<(string Name, string Text, bool Dials)> Files(int files)
    {
        yield return ("Shared.cs", Shared, false);
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder(Service);
            text.Replace("Service0", string.Create(CultureInfo.InvariantCulture, $"Service{f}"));
            yield return (string.Create(CultureInfo.InvariantCulture, $"Service{f}.cs"), text.ToString(), true);
        }
    }

    private const string Service = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ContactRules;

        namespace Generated.DialHeavy;

        public sealed class Service0
        {
            private readonly ContactGate gate;
            private readonly IDialer dialer;
            private readonly ISmsSender sms;
            private readonly ConsentGuard guard;

            public Service0(ContactGate gate, IDialer dialer, ISmsSender sms, ConsentGuard guard)
            {
                this.gate = gate;
                this.dialer = dialer;
                this.sms = sms;
                this.guard = guard;
            }

            public async Task ReserveAndCallAsync(Customer customer, CancellationToken ct)
            {
                var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct).ConfigureAwait(false);
                if (!reservation.IsReserved)
                {
                    return;
                }

                var outcome = AttemptOutcome.NoAnswer;
                try
                {
                    await dialer.DialAsync(customer.Phone).ConfigureAwait(false);
                    outcome = AttemptOutcome.Conversation;
                }
                finally
                {
                    await reservation.Permit.CompleteAsync(outcome, ct).ConfigureAwait(false);
                }
            }

            public async Task CallBeforeReservingAsync(Customer customer, CancellationToken ct)
            {
                await dialer.DialAsync(customer.Phone).ConfigureAwait(false);
                var reservation = await gate.TryReserveAsync(new ContactRequest(customer.Contact), ct).ConfigureAwait(false);
                if (reservation.Permit is { } permit)
                {
                    await permit.CompleteAsync(AttemptOutcome.Conversation, ct).ConfigureAwait(false);
                }
            }

            public void CallAllowed(List<Customer> customers)
            {
                foreach (var customer in customers.Where(c => gate.Check(new ContactRequest(c.Contact)).IsAllowed).OrderBy(c => c.Segment))
                {
                    dialer.Dial(customer.Phone);
                }
            }

            public async Task TextEachAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
            {
                foreach (var customer in customers)
                {
                    var decision = await gate.CheckAsync(new ContactRequest(customer.Contact, ContactChannel.Sms), ct).ConfigureAwait(false);
                    if (!decision.IsAllowed)
                    {
                        continue;
                    }

                    await sms.SendAsync(customer.Phone, "Your renewal offer").ConfigureAwait(false);
                }
            }

            public async Task TextAfterVoiceCheckAsync(Customer customer, CancellationToken ct)
            {
                var decision = await gate.CheckAsync(new ContactRequest(customer.Contact), ct).ConfigureAwait(false);
                if (decision.IsAllowed)
                {
                    await sms.SendAsync(customer.Phone, "Your renewal offer").ConfigureAwait(false);
                }
            }

            public void CallGuarded(Customer customer)
            {
                guard.EnsureAllowed(customer);
                dialer.Dial(customer.Phone);
            }

            public void CallLastAfterCheckingFirst(List<Customer> customers)
            {
                if (!gate.Check(new ContactRequest(customers[0].Contact)).IsAllowed)
                {
                    return;
                }

                dialer.Dial(customers.Last().Phone);
            }

            public void CallDecided(IEnumerable<Customer> customers)
            {
                var decided = customers.Select(c => (Customer: c, Decision: gate.Check(new ContactRequest(c.Contact))));
                foreach (var (customer, decision) in decided)
                {
                    if (!decision.IsAllowed)
                    {
                        continue;
                    }

                    dialer.Dial(customer.Phone);
                }
            }

            public decimal Score(List<Customer> customers, Customer customer)
                => customers.Where(c => c.Segment == customer.Segment).Sum(c => c.Revenue) / Math.Max(1, customers.Count);

            public string Describe(Customer customer)
                => customer.Segment + ":" + customer.Phone.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    private const string Shared = """
        using System;
        using System.Threading.Tasks;
        using ContactRules;

        namespace Generated.DialHeavy;

        public interface IDialer
        {
            [DialApi]
            void Dial(string to);

            [DialApi]
            Task DialAsync(string to);
        }

        public interface ISmsSender
        {
            Task SendAsync(string to, string text);
        }

        public sealed class SmsSender : ISmsSender
        {
            [DialApi]
            public Task SendAsync(string to, string text) => Task.CompletedTask;
        }

        public sealed class ConsentGuard
        {
            private readonly ContactGate gate;

            public ConsentGuard(ContactGate gate) => this.gate = gate;

            [ConsentCheck]
            public void EnsureAllowed(Customer customer)
            {
                if (!gate.Check(new ContactRequest(customer.Contact)).IsAllowed)
                {
                    throw new InvalidOperationException("refused");
                }
            }
        }

        public sealed class Customer
        {
            public Customer(string id, string phone, string segment, decimal revenue)
            {
                Contact = new Contact(id);
                Phone = phone;
                Segment = segment;
                Revenue = revenue;
            }

            public Contact Contact { get; }
            public string Phone { get; }
            public string Segment { get; }
            public decimal Revenue { get; }
        }
        """;
}
