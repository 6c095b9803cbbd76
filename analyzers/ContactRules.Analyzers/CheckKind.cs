namespace ContactRules.Analyzers;

/// <summary>How a <c>[ConsentCheck]</c> member proves consent.</summary>
internal enum CheckKind
{
    /// <summary>Not a consent check.</summary>
    None,

    /// <summary>A bool (or a task of one): <c>true</c> proves consent.</summary>
    Bool,

    /// <summary>A method returning nothing (or a task): returning normally proves consent; it throws otherwise.</summary>
    Guard,
}
