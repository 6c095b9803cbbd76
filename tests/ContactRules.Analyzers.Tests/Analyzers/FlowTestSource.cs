namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>Wraps a test body in the usings and the campaign class every flow test uses.</summary>
internal static class FlowTestSource
{
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
}
