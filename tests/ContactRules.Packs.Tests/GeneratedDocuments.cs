using System;

namespace ContactRules.Packs.Tests;

/// <summary>How the tests that compare generated documents with the committed ones are told to write them instead.</summary>
internal static class GeneratedDocuments
{
    /// <summary>The variable that makes the document tests write what they generate instead of failing.</summary>
    internal const string RegenerateVariable = "CONTACTRULES_UPDATE_DOCS";

    internal static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";
}
