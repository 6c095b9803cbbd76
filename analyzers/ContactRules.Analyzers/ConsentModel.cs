using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ContactRules.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers;

/// <summary>
/// What counts as a dial API and as a consent check in one compilation: the ContactRules types,
/// the <c>[DialApi]</c>/<c>[ConsentCheck]</c>/<c>[RequiresConsent]</c> attributes (matched by
/// name), assembly-level <c>[DialApi("id")]</c>, <c>ContactRules.DialApis.txt</c> lines and the
/// built-in SDK catalogue. Resolved once per compilation; per-member answers are cached.
/// </summary>
internal sealed class ConsentModel
{
    private readonly Dictionary<ISymbol, Entry> configuredMethods;
    private readonly Dictionary<ISymbol, Entry> configuredTypes;
    private readonly bool dialApiAttributeExists;
    private readonly bool requiresConsentAttributeExists;
    private readonly bool consentCheckAttributeExists;
    private readonly ConcurrentDictionary<ISymbol, DialTarget> dialTargets = new(ReferenceComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> consentChecks = new(ReferenceComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, CallFacts> callFacts = new(ReferenceComparer<IMethodSymbol>.Instance);

    private ConsentModel(Compilation compilation, Dictionary<ISymbol, Entry> configuredMethods, Dictionary<ISymbol, Entry> configuredTypes)
    {
        this.configuredMethods = configuredMethods;
        this.configuredTypes = configuredTypes;
        DecisionType = compilation.GetTypeByMetadataName("ContactRules.ContactDecision");
        PermitType = compilation.GetTypeByMetadataName("ContactRules.ContactPermit");
        dialApiAttributeExists = compilation.GetTypeByMetadataName("ContactRules.DialApiAttribute") is not null;
        requiresConsentAttributeExists = compilation.GetTypeByMetadataName("ContactRules.RequiresConsentAttribute") is not null;
        consentCheckAttributeExists = compilation.GetTypeByMetadataName("ContactRules.ConsentCheckAttribute") is not null;
    }

    /// <summary>The ContactRules decision type, when referenced.</summary>
    public INamedTypeSymbol? DecisionType { get; }

    /// <summary>The ContactRules permit type, when referenced.</summary>
    public INamedTypeSymbol? PermitType { get; }

    /// <summary>False when nothing in the compilation can contact anyone: the analyzers register nothing.</summary>
    public bool IsEnabled
        => DecisionType is not null || PermitType is not null || dialApiAttributeExists || requiresConsentAttributeExists
           || configuredMethods.Count > 0 || configuredTypes.Count > 0;

    /// <summary>True when <see cref="RequiresConsentAttribute"/>-marked properties can exist.</summary>
    public bool RequiresConsentAttributeExists => requiresConsentAttributeExists;

    /// <summary>Builds the model of <paramref name="compilation"/>.</summary>
    public static ConsentModel Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<ISymbol, Entry>(SymbolEqualityComparer.Default);
        var types = new Dictionary<ISymbol, Entry>(SymbolEqualityComparer.Default);

        foreach (var builtIn in BuiltInDialApis.All)
        {
            foreach (var symbol in DocumentationIds.Resolve(builtIn.DocumentationCommentId, compilation))
            {
                methods[symbol] = new Entry(null, builtIn.Requirement);
            }
        }

        foreach (var (_, lines) in DialApiFile.ReadAll(options.AdditionalFiles, cancellationToken))
        {
            foreach (var line in lines)
            {
                if (line.Error is null)
                {
                    Add(DocumentationIds.Resolve(line.Id, compilation), new Entry(line.Message, null), methods, types);
                }
            }
        }

        foreach (var id in AssemblyLevelIds(compilation))
        {
            if (DialApiFile.Validate(id.Id) is null)
            {
                Add(DocumentationIds.Resolve(id.Id, compilation), new Entry(null, null), methods, types);
            }
        }

        return new ConsentModel(compilation, methods, types);
    }

    /// <summary>The documentation-comment ids of <c>[assembly: DialApi("id")]</c>, with their attribute.</summary>
    public static IEnumerable<(string Id, AttributeData Attribute)> AssemblyLevelIds(Compilation compilation)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (KnownNames.IsContactRulesType(attribute.AttributeClass, KnownNames.DialApiAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string id)
            {
                yield return (id.Trim(), attribute);
            }
        }
    }

    /// <summary>
    /// What a call to <paramref name="method"/> means to the flow rules. A definition (the common
    /// case) is answered from a cache keyed by identity; a constructed generic method is answered
    /// from its own types, because <c>T Get&lt;T&gt;()</c> may return a decision or not.
    /// </summary>
    public CallFacts GetCallFacts(IMethodSymbol method)
    {
        if (method.ReducedFrom is not null || !ReferenceEquals(method, method.OriginalDefinition))
        {
            return ComputeCallFacts(method);
        }

        if (!callFacts.TryGetValue(method, out var facts))
        {
            facts = callFacts.GetOrAdd(method, ComputeCallFacts(method));
        }

        return facts;
    }

    private CallFacts ComputeCallFacts(IMethodSymbol method)
    {
        var facts = CallFacts.None;
        if (GetDialTarget(method) is not null)
        {
            facts |= CallFacts.Dial;
        }

        if (IsPermit(method.ReturnType))
        {
            facts |= CallFacts.Permit;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out && IsPermit(parameter.Type))
            {
                facts |= CallFacts.Permit;
            }
        }

        if (IsDecision(method.ReturnType))
        {
            facts |= CallFacts.Decision;
        }

        if (IsTryReserve(method) || IsConsentCheck(method))
        {
            facts |= CallFacts.Check;
        }

        return facts;
    }

    /// <summary>The dial API or <c>[RequiresConsent]</c> member called, or null.</summary>
    public DialTarget? GetDialTarget(IMethodSymbol method)
    {
        // Everything ComputeDialTarget reads is the definition's: one cache entry per definition.
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!dialTargets.TryGetValue(definition, out var target))
        {
            target = dialTargets.GetOrAdd(definition, ComputeDialTarget(definition));
        }

        return ReferenceEquals(target, DialTarget.None) ? null : target;
    }

    /// <summary>The <c>[RequiresConsent]</c> property read or written, or null.</summary>
    public DialTarget? GetDialTarget(IPropertySymbol property)
    {
        if (!requiresConsentAttributeExists)
        {
            return null;
        }

        var definition = property.OriginalDefinition;
        if (!dialTargets.TryGetValue(definition, out var target))
        {
            target = dialTargets.GetOrAdd(
                definition,
                KnownNames.HasAttribute(definition, KnownNames.RequiresConsentAttribute) ? new DialTarget(ImmutableArray<int>.Empty, -1, null, null) : DialTarget.None);
        }

        return ReferenceEquals(target, DialTarget.None) ? null : target;
    }

    /// <summary>True for a <c>[ConsentCheck]</c> bool method or property (or one it overrides or implements).</summary>
    public bool IsConsentCheck(ISymbol member)
    {
        if (!consentCheckAttributeExists)
        {
            return false;
        }

        var definition = member.OriginalDefinition;
        if (!consentChecks.TryGetValue(definition, out var isCheck))
        {
            isCheck = consentChecks.GetOrAdd(definition, ComputeConsentCheck(definition));
        }

        return isCheck;
    }

    private bool ComputeConsentCheck(ISymbol symbol)
    {
        var type = symbol switch
        {
            IMethodSymbol m => m.ReturnType,
            IPropertySymbol p => p.Type,
            _ => null,
        };
        if (type is null || !IsBoolLike(type))
        {
            return false;
        }

        foreach (var candidate in SelfAndBases(symbol))
        {
            if (KnownNames.HasAttribute(candidate, KnownNames.ConsentCheckAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a member that carries <c>[DialApi]</c> or <c>[RequiresConsent]</c>: dials inside it are its callers' business.</summary>
    public bool IsConsentDelegated(ISymbol? member)
    {
        if (member is null || (!dialApiAttributeExists && !requiresConsentAttributeExists))
        {
            return false;
        }

        if (KnownNames.HasAttribute(member, KnownNames.RequiresConsentAttribute) || KnownNames.HasAttribute(member, KnownNames.DialApiAttribute))
        {
            return true;
        }

        return member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } && IsConsentDelegated(property);
    }

    /// <summary>True for <c>ContactDecision</c> and a task of it.</summary>
    public bool IsDecision(ITypeSymbol? type)
        => DecisionType is not null && type is not null && SymbolEqualityComparer.Default.Equals(UnwrapTask(type), DecisionType);

    /// <summary>True for <c>ContactPermit</c>.</summary>
    public bool IsPermit(ITypeSymbol? type)
        => PermitType is not null && type is not null && SymbolEqualityComparer.Default.Equals(UnwrapTask(type).OriginalDefinition, PermitType);

    /// <summary>True for <c>bool</c> and a task of it.</summary>
    public bool IsBoolLike(ITypeSymbol type) => UnwrapTask(type).SpecialType == SpecialType.System_Boolean;

    /// <summary>True for <c>ContactGate.TryReserve</c>.</summary>
    public static bool IsTryReserve(IMethodSymbol method)
        => method.Name == KnownNames.TryReserve && KnownNames.IsContactRulesType(method.ContainingType, KnownNames.ContactGate);

    /// <summary>True for <c>ContactPermit.Complete</c>.</summary>
    public static bool IsPermitComplete(IMethodSymbol method)
        => method.Name == KnownNames.Complete && KnownNames.IsContactRulesType(method.ContainingType, KnownNames.ContactPermit);

    /// <summary>True for <c>ContactDecision.IsAllowed</c>.</summary>
    public static bool IsIsAllowed(IPropertySymbol property)
        => property.Name == KnownNames.IsAllowed && KnownNames.IsContactRulesType(property.ContainingType, KnownNames.ContactDecision);

    private static ITypeSymbol UnwrapTask(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } task
            ? task.TypeArguments[0]
            : type;

    private static void Add(ImmutableArray<ISymbol> symbols, Entry entry, Dictionary<ISymbol, Entry> methods, Dictionary<ISymbol, Entry> types)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is INamedTypeSymbol)
            {
                types[symbol.OriginalDefinition] = entry;
            }
            else
            {
                methods[symbol.OriginalDefinition] = entry;
            }
        }
    }

    private DialTarget ComputeDialTarget(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        Entry? entry = null;
        AttributeData? dialApi = null;
        var requiresConsent = false;
        var attributesPossible = dialApiAttributeExists || requiresConsentAttributeExists;
        if (!attributesPossible && configuredMethods.Count == 0 && configuredTypes.Count == 0)
        {
            return DialTarget.None;
        }

        foreach (var candidate in SelfAndBases(definition))
        {
            if (entry is null && (configuredMethods.TryGetValue(candidate, out var found) || configuredTypes.TryGetValue(candidate.ContainingType.OriginalDefinition, out found)))
            {
                entry = found;
            }

            if (attributesPossible)
            {
                dialApi ??= KnownNames.FindAttribute(candidate, KnownNames.DialApiAttribute);
                requiresConsent |= KnownNames.HasAttribute(candidate, KnownNames.RequiresConsentAttribute);
            }
        }

        if (entry is null && dialApi is null && !requiresConsent)
        {
            return DialTarget.None;
        }

        string? contactParameter = null;
        if (dialApi is not null)
        {
            foreach (var named in dialApi.NamedArguments)
            {
                if (named.Key == KnownNames.ContactParameter && named.Value.Value is string name)
                {
                    contactParameter = name;
                }
            }
        }

        var parameters = definition.Parameters;
        var permitOrdinal = -1;
        var contactOrdinal = -1;
        foreach (var parameter in parameters)
        {
            if (permitOrdinal < 0 && IsPermit(parameter.Type))
            {
                permitOrdinal = parameter.Ordinal;
            }

            if (contactOrdinal < 0 && (contactParameter is not null ? parameter.Name == contactParameter : LooksLikeContact(parameter.Name)))
            {
                contactOrdinal = parameter.Ordinal;
            }
        }

        return new DialTarget(
            contactOrdinal >= 0 ? ImmutableArray.Create(contactOrdinal) : ImmutableArray<int>.Empty,
            permitOrdinal,
            entry?.Message,
            entry?.Requirement);
    }

    /// <summary>The parameter naming convention of the issue: <c>to</c>, <c>phone</c>, <c>number</c>, <c>contact</c>, <c>customer</c>.</summary>
    private static bool LooksLikeContact(string name)
    {
        if (name == "to" || (name.Length > 2 && name.StartsWith("to", System.StringComparison.Ordinal) && char.IsUpper(name[2])))
        {
            return true;
        }

        var lower = name.ToLowerInvariant();
        return lower.Contains("phone") || lower.Contains("number") || lower.Contains("contact") || lower.Contains("customer") || lower.Contains("recipient");
    }

    /// <summary>The member, the members it overrides, and the interface members it implements.</summary>
    private static IEnumerable<ISymbol> SelfAndBases(ISymbol member)
    {
        yield return member;
        var overridden = member switch
        {
            IMethodSymbol m => (ISymbol?)m.OverriddenMethod,
            IPropertySymbol p => p.OverriddenProperty,
            _ => null,
        };
        while (overridden is not null)
        {
            yield return overridden.OriginalDefinition;
            overridden = overridden switch
            {
                IMethodSymbol m => m.OverriddenMethod,
                IPropertySymbol p => p.OverriddenProperty,
                _ => null,
            };
        }

        var type = member.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Interface || member.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var interfaceMember in @interface.GetMembers(member.Name))
            {
                var implementation = type.FindImplementationForInterfaceMember(interfaceMember);
                if (implementation is not null && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, member))
                {
                    yield return interfaceMember.OriginalDefinition;
                }
            }
        }

        if (member is IMethodSymbol method)
        {
            foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
            {
                yield return explicitImplementation.OriginalDefinition;
            }
        }
    }

    private sealed record Entry(string? Message, ContactRequirement? Requirement);
}
