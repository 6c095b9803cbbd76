using System;

namespace ContactRules.Rules;

/// <summary>
/// What attempts are counted together, besides the person (attempts are always per person). An
/// unknown caller or subject on either side counts: where the key cannot be told apart, the
/// stricter count wins.
/// </summary>
[Flags]
public enum CountingKey
{
    /// <summary>Every attempt to the person counts, whoever made it and about whatever.</summary>
    Person = 0,

    /// <summary>Per professional on whose behalf the calls are made (France: all its subcontractors together).</summary>
    Caller = 1,

    /// <summary>Per subject: a debt (Regulation F), a subject matter (Florida, Oklahoma, Maryland).</summary>
    Subject = 2,

    /// <summary>Per channel: voice and SMS counted apart.</summary>
    Channel = 4,
}
