using NodaTime;

namespace Crm.Sample;

/// <summary>
/// The sample's clock. A real CRM keeps the default (<see cref="SystemClock"/>, registered by
/// AddContactRules); the sample replays a fixed working week instead, so that every run shows the
/// same decisions whatever the day it is run.
/// </summary>
internal sealed class ScenarioClock : IClock
{
    public ScenarioClock(Instant now) => Now = now;

    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;
}
