namespace ContactRules;

/// <summary>
/// Why a person is contacted. Most contact rules apply to one purpose only: France's D223-9 to
/// commercial prospecting, Regulation F to debt collection.
/// </summary>
public enum ContactPurpose
{
    /// <summary>Selling, retaining or promoting: telemarketing, canvassing, retention offers.</summary>
    Marketing = 0,

    /// <summary>Collecting a debt (Regulation F and similar rules).</summary>
    DebtCollection = 1,

    /// <summary>Informational or transactional contact with no marketing content.</summary>
    Informational = 2,
}
