namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>Wraps test code in the usings (and, for method bodies, the campaign class) every flow test uses.</summary>
internal static class FlowTestSource
{
    /// <summary>The usings of a CRM file: tasks, LINQ, ContactRules, the CRM stubs and Twilio.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ContactRules;
        using Crm;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        """;

    public static string Campaign(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ContactRules;
        using Crm;

        public class Campaign
        {
            private readonly ContactGate gate = new ContactGate();
            private readonly IDialer dialer = null!;

        {{body}}
        }
        """;

    /// <summary>A whole CRM file: <see cref="Usings"/> then <paramref name="code"/>.</summary>
    public static string File(string code) => Usings + code;
}
