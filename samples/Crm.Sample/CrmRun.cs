using System.Collections.Generic;
using ContactRules.Storage;

namespace Crm.Sample;

/// <summary>What a run of the sample did: every attempt, the numbers Twilio was asked to dial, the ledger's evidence log.</summary>
internal sealed record CrmRun(IReadOnlyList<CallResult> Results, IReadOnlyList<string> Dialled, LogVerification Log, string LedgerPath);
