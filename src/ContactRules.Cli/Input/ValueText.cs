namespace ContactRules.Cli.Input;

/// <summary>How a value found in the input is quoted back in an error message.</summary>
internal static class ValueText
{
    /// <summary>The value, cut to 60 characters so that one bad field cannot flood a message.</summary>
    internal static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
