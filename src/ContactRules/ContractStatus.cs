namespace ContactRules;

/// <summary>
/// A contract between the caller and the contacted person, as far as contact rules care: whether
/// it is in progress and whether this contact concerns its object (France's "contrat en cours"
/// exemption covers only calls related to the object of a contract in progress).
/// </summary>
/// <param name="Active">The contract is in progress at the time of the contact.</param>
/// <param name="RelatedToPurpose">
/// The contact concerns the object of the contract (the same, an ancillary, a complementary or an
/// upgraded product or service).
/// </param>
public sealed record ContractStatus(bool Active, bool RelatedToPurpose)
{
    /// <summary>
    /// True when the contract is in progress and the contact relates to its object: the only case
    /// the French contract exemptions accept.
    /// </summary>
    public bool IsInProgressAndRelated => Active && RelatedToPurpose;
}
