namespace ContactRules;

/// <summary>
/// The national opposition registers ContactRules knows, with their legal registration delays in
/// the rules that use them.
/// </summary>
public enum ContactRegistry
{
    /// <summary>France's Bloctel (registration effective at most 30 days after the receipt).</summary>
    Bloctel = 0,

    /// <summary>The US National Do Not Call Registry (31 days).</summary>
    UsDnc = 1,

    /// <summary>The UK Telephone Preference Service (28 days).</summary>
    Tps = 2,

    /// <summary>Canada's National Do Not Call List (31 days).</summary>
    Dncl = 3,

    /// <summary>Australia's Do Not Call Register.</summary>
    Dncr = 4,

    /// <summary>Italy's Registro Pubblico delle Opposizioni (15 days).</summary>
    Rpo = 5,

    /// <summary>Belgium's "Ne m'appelez plus" / "Bel me niet meer" list (5 working days).</summary>
    Dncm = 6,

    /// <summary>Spain's Lista Robinson.</summary>
    Robinson = 7,
}
