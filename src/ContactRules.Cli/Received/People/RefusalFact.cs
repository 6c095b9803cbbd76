namespace ContactRules.Cli.Received.People;

/// <summary>The person told a caller to stop.</summary>
/// <param name="Path">Where the fact is in the facts file.</param>
/// <param name="Caller">The caller told.</param>
/// <param name="At">When.</param>
/// <param name="DuringCall">True when said during one of the caller's calls (that call is then a refusal in the caller's history); false when written.</param>
/// <param name="Objection">True when it was also an objection to direct marketing under GDPR art. 21.</param>
internal sealed record RefusalFact(string Path, string Caller, FactTime At, bool DuringCall, bool Objection);
