using NodaTime;

namespace ChurnCampaign;

/// <summary>The replay's clock: "now" is the instant of the call being placed.</summary>
internal sealed class ReplayClock : IClock
{
    public ReplayClock(Instant now) => Now = now;

    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
