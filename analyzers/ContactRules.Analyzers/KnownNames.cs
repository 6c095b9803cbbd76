using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactRules.Analyzers;

/// <summary>
/// Names of the ContactRules types the analyzers recognise. Types are matched by full name, never
/// by identity: the analyzers do not reference the runtime assembly, and a team may declare its
/// own copies of the attributes.
/// </summary>
internal static class KnownNames
{
    public const string Namespace = "ContactRules";
    public const string DialApiAttribute = "DialApiAttribute";
    public const string ConsentCheckAttribute = "ConsentCheckAttribute";
    public const string RequiresConsentAttribute = "RequiresConsentAttribute";
    public const string RequestedContactAttribute = "RequestedContactAttribute";
    public const string ContactDecision = "ContactDecision";
    public const string ContactPermit = "ContactPermit";
    public const string ContactReservation = "ContactReservation";
    public const string ContactRequest = "ContactRequest";
    public const string ContactChannel = "ContactChannel";
    public const string ContactPurpose = "ContactPurpose";
    public const string Marketing = "Marketing";
    public const string ContactGate = "ContactGate";
    public const string IsAllowed = "IsAllowed";
    public const string IsReserved = "IsReserved";
    public const string Permit = "Permit";
    public const string Decision = "Decision";
    public const string Complete = "Complete";
    public const string CompleteAsync = "CompleteAsync";
    public const string TryReserve = "TryReserve";
    public const string TryReserveAsync = "TryReserveAsync";
    public const string Channel = "Channel";
    public const string ContactParameter = "ContactParameter";
    public const string DialApiFilePrefix = "ContactRules.DialApis";

    /// <summary>True when <paramref name="type"/> is <c>ContactRules.{name}</c>.</summary>
    public static bool IsContactRulesType(ITypeSymbol? type, string name)
        => type is INamedTypeSymbol named
           && named.Name == name // first: most types asked about are not the one named, and a name is a stored string
           && named.ContainingType is null
           && named.ContainingNamespace is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>The assemblies of the ContactRules packages besides the core: they reference the core and mark no member.</summary>
    public static bool IsContactRulesPackage(string assemblyName)
        => assemblyName is "ContactRules.Hosting" or "ContactRules.Json" or "ContactRules.PhoneNumbers" or "ContactRules.PostgreSql"
            or "ContactRules.Registries" or "ContactRules.Sqlite";

    /// <summary>True when <paramref name="symbol"/> carries the ContactRules attribute <paramref name="name"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, string name) => FindAttribute(symbol, name) is not null;

    /// <summary>The ContactRules attribute <paramref name="name"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, string name)
    {
        if (!MayHaveAttributes(symbol))
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsContactRulesType(attribute.AttributeClass, name))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// False for a symbol declared in source with no attribute list on any of its declarations:
    /// its attributes need not be bound (which can wait for the compiler's own thread binding
    /// them). True for anything else (metadata, or a declaration whose attributes live elsewhere).
    /// </summary>
    private static bool MayHaveAttributes(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return true;
        }

        foreach (var reference in references)
        {
            switch (reference.GetSyntax())
            {
                case BaseMethodDeclarationSyntax { AttributeLists.Count: 0 }:
                case BasePropertyDeclarationSyntax { AttributeLists.Count: 0 }:
                case AccessorDeclarationSyntax { AttributeLists.Count: 0 }:
                case LocalFunctionStatementSyntax { AttributeLists.Count: 0 }:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="fileName"/> is <c>ContactRules.DialApis.txt</c> or <c>ContactRules.DialApis.*.txt</c>.</summary>
    public static bool IsDialApiFile(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        return fileName.StartsWith(DialApiFilePrefix, System.StringComparison.OrdinalIgnoreCase)
               && fileName.EndsWith(".txt", System.StringComparison.OrdinalIgnoreCase);
    }
}
