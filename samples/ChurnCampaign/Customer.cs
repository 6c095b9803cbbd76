using ContactRules;

namespace ChurnCampaign;

/// <summary>A synthetic churn-risk customer of the operator, and how they behave when reached.</summary>
internal sealed record Customer(ContactRequest Request, double RefusalChance)
{
    public string Id => Request.Contact.Id;
}
