namespace ContactRules.Cli.Received.Complaints;

/// <summary>Where a breach can be reported, and the letter to the caller.</summary>
internal enum ComplaintChannel
{
    /// <summary>France, SignalConso (DGCCRF): every breach of French canvassing law.</summary>
    SignalConso,

    /// <summary>France, Bloctel's complaint form: canvassing of a registered number, calls until 10 August 2026 (the list ended then).</summary>
    Bloctel,

    /// <summary>France from 11 August 2026: a letter asking the caller for the proof of consent (R223-2) and withdrawing any consent (R223-3).</summary>
    ConsentProofLetter,

    /// <summary>United States, the FTC's do-not-call and unwanted-call complaint.</summary>
    Ftc,

    /// <summary>United States, the FCC's consumer complaint (Form 1088, unwanted calls and texts).</summary>
    Fcc,

    /// <summary>United Kingdom, the Telephone Preference Service's complaint: a marketing call to a registered number.</summary>
    Tps,

    /// <summary>United Kingdom, the ICO's nuisance call and message report (PECR).</summary>
    Ico,
}
