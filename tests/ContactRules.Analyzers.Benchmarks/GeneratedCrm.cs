using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContactRules.Analyzers.Benchmarks;

/// <summary>
/// A CRM-like code base of <c>files</c> files of about 150 lines, 10 methods each, of which 2%
/// call a dial API (half of those behind a consent check). Deterministic: the same arguments give
/// the same sources.
/// </summary>
internal static class GeneratedCrm
{
    public const int MethodsPerFile = 10;

    /// <summary>File name and text of each generated file, the shared declarations first.</summary>
    public static IEnumerable<(string Name, string Text, bool Dials)> Files(int files)
    {
        yield return ("Shared.cs", Shared, false);
        var method = 0;
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using System.Collections.Generic;");
            text.AppendLine("using System.Linq;");
            text.AppendLine("using ContactRules;");
            text.AppendLine();
            text.AppendLine("namespace Generated.Crm;");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Service{f}");
            text.AppendLine("{");
            text.AppendLine("    private readonly ContactGate gate = null!;");
            text.AppendLine("    private readonly IDialer dialer = null!;");
            text.AppendLine("    private readonly List<Customer> customers = new();");
            var dials = false;
            for (var m = 0; m < MethodsPerFile; m++, method++)
            {
                text.AppendLine();
                // Every 50th method dials: 2% of methods; odd ones check consent first.
                if (method % 50 == 0)
                {
                    dials = true;
                    AppendDialingMethod(text, m, guarded: method % 100 == 50);
                }
                else
                {
                    AppendBusinessMethod(text, m);
                }
            }

            text.AppendLine("}");
            yield return (string.Create(CultureInfo.InvariantCulture, $"Service{f}.cs"), text.ToString(), dials);
        }
    }

    private static void AppendBusinessMethod(StringBuilder text, int m)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"    public decimal Score{m}(Customer customer, int months)");
        text.AppendLine("    {");
        text.AppendLine("        var total = 0m;");
        text.AppendLine("        foreach (var other in customers.Where(c => c.Segment == customer.Segment))");
        text.AppendLine("        {");
        text.AppendLine("            total += other.Revenue / Math.Max(1, months);");
        text.AppendLine("        }");
        text.AppendLine(CultureInfo.InvariantCulture, $"        if (total > {m * 100 + 1})");
        text.AppendLine("        {");
        text.AppendLine("            total = Math.Round(total * 0.9m, 2);");
        text.AppendLine("        }");
        text.AppendLine("        return customer.Phone.Length > 0 ? total : 0m;");
        text.AppendLine("    }");
    }

    private static void AppendDialingMethod(StringBuilder text, int m, bool guarded)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"    public void Call{m}(Customer customer)");
        text.AppendLine("    {");
        text.AppendLine("        var request = new ContactRequest(customer.Contact);");
        text.AppendLine("        var decision = gate.Check(request);");
        text.AppendLine(guarded ? "        if (!decision.IsAllowed)" : "        if (decision.Violations.Length > 3)");
        text.AppendLine("        {");
        text.AppendLine("            return;");
        text.AppendLine("        }");
        text.AppendLine();
        text.AppendLine("        var to = \"+33\" + customer.Phone.TrimStart('0');");
        text.AppendLine("        dialer.Dial(to);");
        text.AppendLine("    }");
    }

    private const string Shared = """
        using ContactRules;

        namespace Generated.Crm;

        public interface IDialer
        {
            [DialApi]
            void Dial(string to);
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
