using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ContactRules.Analyzers.Configuration;
using ContactRules.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactRules.Analyzers;

/// <summary>
/// What counts as a dial API and as a consent check in one compilation: the ContactRules types,
/// the <c>[DialApi]</c>/<c>[ConsentCheck]</c>/<c>[RequiresConsent]</c>/<c>[RequestedContact]</c>
/// attributes (matched by name, through overrides and interface implementations in both
/// directions), assembly-level <c>[DialApi("id")]</c>, <c>ContactRules.DialApis.txt</c> lines and
/// the built-in SDK catalogue. Resolved once per compilation; per-member answers are cached.
/// </summary>
internal sealed class ConsentModel
{
    private static readonly ConditionalWeakTable<Compilation, ConsentModel> Shared = new();

    private readonly AnalyzerOptions options;
    private readonly Dictionary<ISymbol, Entry> configuredMethods;
    private readonly Dictionary<ISymbol, Entry> configuredTypes;
    private readonly bool dialApiAttributeExists;
    private readonly bool requiresConsentAttributeExists;
    private readonly bool markedPropertiesPossible;
    private readonly bool constructorTargetsPossible;
    private readonly bool frameworkConfigured;
    private readonly bool consentCheckAttributeExists;
    private readonly bool requestedContactAttributeExists;
    private readonly Lazy<ImplementationIndex> implementations;
    private readonly ConcurrentDictionary<ISymbol, DialTarget> dialTargets = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<ISymbol, CheckKind> checkKinds = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ISymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, CallFacts> callFacts = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<IMethodSymbol>.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, DefinitionParts> definitionParts = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<IMethodSymbol>.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> collections = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ITypeSymbol>.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, CallFacts> returnFacts = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ITypeSymbol>.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> personRecords = new(Caches.ConcurrencyLevel, Caches.Capacity, ReferenceComparer<ITypeSymbol>.Instance);

    private ConsentModel(Compilation compilation, AnalyzerOptions options, Dictionary<ISymbol, Entry> configuredMethods, Dictionary<ISymbol, Entry> configuredTypes)
    {
        this.options = options;
        this.configuredMethods = configuredMethods;
        this.configuredTypes = configuredTypes;
        DecisionType = compilation.GetTypeByMetadataName("ContactRules.ContactDecision");
        PermitType = compilation.GetTypeByMetadataName("ContactRules.ContactPermit");
        ReservationType = compilation.GetTypeByMetadataName("ContactRules.ContactReservation");
        dialApiAttributeExists = compilation.GetTypeByMetadataName("ContactRules.DialApiAttribute") is not null;
        requiresConsentAttributeExists = compilation.GetTypeByMetadataName("ContactRules.RequiresConsentAttribute") is not null;
        var spellings = dialApiAttributeExists || requiresConsentAttributeExists ? Spellings.Of(compilation) : Spellings.None;
        markedPropertiesPossible = requiresConsentAttributeExists && MayMarkProperties(compilation, spellings);
        constructorTargetsPossible = configuredTypes.Count > 0
            || configuredMethods.Keys.Any(m => m is IMethodSymbol { MethodKind: MethodKind.Constructor })
            || ((dialApiAttributeExists || requiresConsentAttributeExists) && MayMarkConstructors(compilation, spellings));
        consentCheckAttributeExists = compilation.GetTypeByMetadataName("ContactRules.ConsentCheckAttribute") is not null;
        frameworkConfigured = configuredMethods.Keys.Concat(configuredTypes.Keys).Any(s => IsFramework(s.ContainingAssembly));
        requestedContactAttributeExists = compilation.GetTypeByMetadataName("ContactRules.RequestedContactAttribute") is not null;
        implementations = new Lazy<ImplementationIndex>(
            // Not cancellable: the model is shared by analyzers with their own cancellation, and a
            // Lazy keeps the exception it was built with.
            () => ImplementationIndex.Build(compilation, IsMarked, ConfiguredMembers(), CancellationToken.None),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The ContactRules decision type, when referenced.</summary>
    public INamedTypeSymbol? DecisionType { get; }

    /// <summary>The ContactRules permit type, when referenced.</summary>
    public INamedTypeSymbol? PermitType { get; }

    /// <summary>What <c>ContactGate.TryReserveAsync</c> returns, when referenced.</summary>
    public INamedTypeSymbol? ReservationType { get; }

    /// <summary>Phone-number members: a check for one number of a person does not cover another.</summary>
    public PhoneNumberMembers Numbers { get; } = new();

    /// <summary>False when nothing in the compilation can contact anyone: the analyzers register nothing.</summary>
    public bool IsEnabled
        => DecisionType is not null || PermitType is not null || dialApiAttributeExists || requiresConsentAttributeExists
           || configuredMethods.Count > 0 || configuredTypes.Count > 0;

    /// <summary>True when a constructor can be a dial API (see <see cref="MayMarkConstructors"/>).</summary>
    public bool ConstructorTargetsPossible => constructorTargetsPossible;

    /// <summary>True when <c>[RequiresConsent]</c>-marked properties can exist (see <see cref="MayMarkProperties"/>).</summary>
    public bool MarkedPropertiesPossible => markedPropertiesPossible;

    /// <summary>
    /// The model of <paramref name="compilation"/>, built once for all the analyzers of this
    /// assembly (two of them need it): resolving the catalogue's ids and binding the assembly's
    /// attributes is the largest fixed cost of a build, and each analyzer paid it.
    /// </summary>
    /// <remarks>
    /// Kept in a table keyed weakly by the compilation, as long as the compilation lives; a caller
    /// with other options (another set of additional files) gets a model of its own. The table
    /// builds under its lock, so analyzers starting together wait for one build.
    /// </remarks>
    public static ConsentModel For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var model = Shared.GetValue(compilation, c => Create(c, options, cancellationToken));
        return ReferenceEquals(model.options, options) ? model : Create(compilation, options, cancellationToken);
    }

    /// <summary>Builds the model of <paramref name="compilation"/>.</summary>
    public static ConsentModel Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<ISymbol, Entry>(SymbolEqualityComparer.Default);
        var types = new Dictionary<ISymbol, Entry>(SymbolEqualityComparer.Default);

        foreach (var builtIn in BuiltInDialApis.All)
        {
            foreach (var symbol in DocumentationIds.Resolve(builtIn.DocumentationCommentId, compilation))
            {
                methods[symbol] = new Entry(null, builtIn.Requirement, builtIn.Channel);
            }
        }

        foreach (var (_, lines) in DialApiFile.ReadAll(options.AdditionalFiles, cancellationToken))
        {
            foreach (var line in lines)
            {
                if (line.Error is null)
                {
                    Add(DocumentationIds.Resolve(line.Id, compilation), new Entry(line.Message, null, null), methods, types);
                }
            }
        }

        foreach (var id in AssemblyLevelIds(compilation))
        {
            if (DialApiFile.Validate(id.Id) is null)
            {
                Add(DocumentationIds.Resolve(id.Id, compilation), new Entry(null, null, null), methods, types);
            }
        }

        return new ConsentModel(compilation, options, methods, types);
    }

    /// <summary>The documentation-comment ids of <c>[assembly: DialApi("id")]</c>, with their attribute.</summary>
    public static IEnumerable<(string Id, AttributeData Attribute)> AssemblyLevelIds(Compilation compilation)
    {
        if (!MayDeclareAssemblyIds(compilation))
        {
            yield break;
        }

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
    /// False when no property of the compilation or of its references can be <c>[RequiresConsent]</c>:
    /// no source file spells the attribute's name (an alias spells it where it is declared), and no
    /// referenced assembly other than the ContactRules packages, which mark no property, that
    /// references ContactRules has a marked property. Then property reads are not watched at all:
    /// they are the commonest operation of a compilation, and one callback each was a large part
    /// of this analyzer's cost on a project that dials in few places.
    /// </summary>
    private static bool MayMarkProperties(Compilation compilation, Spellings spellings)
    {
        if (spellings.RequiresConsent)
        {
            return true;
        }

        return ReferenceMarks(compilation, static member => member is IPropertySymbol && KnownNames.HasAttribute(member, KnownNames.RequiresConsentAttribute));
    }

    /// <summary>
    /// False when no constructor of the compilation or of its references can be a dial API by its
    /// attributes: no constructor of a source file that spells <c>DialApi</c> or <c>RequiresConsent</c>
    /// has an attribute (a primary constructor's <c>[method: …]</c> included), no such file declares
    /// an alias (which could name the attribute anywhere), and no referenced assembly that references
    /// ContactRules marks a constructor. Then object creations are not watched at all.
    /// </summary>
    private static bool MayMarkConstructors(Compilation compilation, Spellings spellings)
    {
        foreach (var tree in spellings.Marking)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: not null }:
                    case ConstructorDeclarationSyntax { AttributeLists.Count: > 0 }:
                        return true;
                    case AttributeListSyntax { Target.Identifier.ValueText: "method", Parent: TypeDeclarationSyntax }:
                        return true;
                }
            }
        }

        return ReferenceMarks(compilation, static member => member is IMethodSymbol { MethodKind: MethodKind.Constructor }
            && (KnownNames.HasAttribute(member, KnownNames.DialApiAttribute) || KnownNames.HasAttribute(member, KnownNames.RequiresConsentAttribute)));
    }

    /// <summary>
    /// The source files that spell <c>DialApi</c> or <c>RequiresConsent</c> (an alias spells the
    /// attribute where it is declared), and whether one spells <c>RequiresConsent</c>: each file's
    /// text is read once for both gates above.
    /// </summary>
    private sealed class Spellings
    {
        public static readonly Spellings None = new(new List<SyntaxTree>(), requiresConsent: false);

        private Spellings(List<SyntaxTree> marking, bool requiresConsent)
        {
            Marking = marking;
            RequiresConsent = requiresConsent;
        }

        public List<SyntaxTree> Marking { get; }

        public bool RequiresConsent { get; }

        public static Spellings Of(Compilation compilation)
        {
            var marking = new List<SyntaxTree>();
            var requiresConsent = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                var spellsRequiresConsent = text.IndexOf("RequiresConsent", StringComparison.Ordinal) >= 0;
                if (spellsRequiresConsent || text.IndexOf("DialApi", StringComparison.Ordinal) >= 0)
                {
                    marking.Add(tree);
                    requiresConsent |= spellsRequiresConsent;
                }
            }

            return new Spellings(marking, requiresConsent);
        }
    }

    /// <summary>A member <paramref name="marked"/> in a referenced assembly, other than the ContactRules packages, that references ContactRules.</summary>
    private static bool ReferenceMarks(Compilation compilation, Func<ISymbol, bool> marked)
    {
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && !KnownNames.IsContactRulesPackage(assembly.Name)
                && ReferencesContactRules(assembly)
                && HasMarked(assembly.GlobalNamespace, marked))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesContactRules(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == KnownNames.Namespace)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasMarked(INamespaceOrTypeSymbol container, Func<ISymbol, bool> marked)
    {
        foreach (var member in container.GetMembers())
        {
            if (marked(member) || (member is INamespaceOrTypeSymbol nested && HasMarked(nested, marked)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no assembly-level attribute of the compilation's syntax can be a
    /// <c>[assembly: DialApi]</c>: every one names a type of the <c>System</c> namespaces in full
    /// (the SDK's generated assembly information). Binding the assembly's attributes would make
    /// this analyzer pay for the compiler's own work; an alias, or any other name, is bound.
    /// </summary>
    private static bool MayDeclareAssemblyIds(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit)
            {
                return true;
            }

            foreach (var list in unit.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name.ToString();
                    if (!name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("global::System.", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// What a call to <paramref name="method"/> means to the flow rules. A definition (the common
    /// case) is answered from a cache keyed by identity; a constructed generic or reduced extension
    /// method from what its definition says (cached) and its own return type and <c>out</c>
    /// parameters, because <c>T Get&lt;T&gt;()</c> may return a decision or not.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public CallFacts GetCallFacts(IMethodSymbol method)
    {
        if (method.ReducedFrom is not null || !ReferenceEquals(method, method.OriginalDefinition))
        {
            return ConstructedCallFacts(method);
        }

        if (!callFacts.TryGetValue(method, out var facts))
        {
            facts = callFacts.GetOrAdd(method, ComputeCallFacts(method));
        }

        return facts;
    }

    /// <summary>
    /// The call facts of a constructed or reduced method: its definition's dial target and check
    /// kind, asked once per definition, then its own signature. A constructed
    /// method is a new object at most call sites (<c>Where&lt;Customer&gt;</c>, <c>ConfigureAwait</c>
    /// of a <c>Task&lt;T&gt;</c>): computing everything again at each was a tenth of the consent
    /// analyzer's own time on the dial-heavy benchmark.
    /// </summary>
    private CallFacts ConstructedCallFacts(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!definitionParts.TryGetValue(definition, out var parts))
        {
            parts = definitionParts.GetOrAdd(definition, ComputeDefinitionParts(definition));
        }

        return CallFactsOf(method, parts);
    }

    /// <summary>What a call to <paramref name="method"/> means, given what its definition says of every call.</summary>
    private CallFacts CallFactsOf(IMethodSymbol method, DefinitionParts parts)
    {
        var facts = ReturnFacts(method.ReturnType);
        if ((parts & DefinitionParts.Dial) != 0)
        {
            facts |= CallFacts.Dial;
        }

        if ((parts & DefinitionParts.Check) != 0)
        {
            facts |= CallFacts.Check;
        }

        if ((parts & DefinitionParts.OutParameter) != 0 && HasOutPermit(method))
        {
            facts |= CallFacts.Permit;
        }

        if ((parts & DefinitionParts.MayCheckMany) != 0 && IsCheckMany(method))
        {
            facts |= CallFacts.Decision;
        }

        return facts;
    }

    private DefinitionParts ComputeDefinitionParts(IMethodSymbol definition)
    {
        var parts = DefinitionParts.None;
        if (GetDialTarget(definition) is not null)
        {
            parts |= DefinitionParts.Dial;
        }

        if (IsTryReserve(definition) || GetCheckKind(definition) != CheckKind.None)
        {
            parts |= DefinitionParts.Check;
        }

        foreach (var parameter in definition.Parameters)
        {
            if (parameter.RefKind == RefKind.Out)
            {
                parts |= DefinitionParts.OutParameter;
            }
        }

        if (definition.Name.StartsWith("CheckMany", StringComparison.Ordinal) && KnownNames.IsContactRulesType(definition.ContainingType, KnownNames.ContactGate))
        {
            parts |= DefinitionParts.MayCheckMany;
        }

        return parts;
    }

    private bool HasOutPermit(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out && IsPermit(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A definition's call facts: its own parts, its return type and its <c>out</c> parameters.</summary>
    private CallFacts ComputeCallFacts(IMethodSymbol method) => CallFactsOf(method, ComputeDefinitionParts(method));

    /// <summary>What a returned type means: a permit or a reservation (<see cref="CallFacts.Permit"/>), a decision or a reservation (<see cref="CallFacts.Decision"/>).</summary>
    private CallFacts ReturnFacts(ITypeSymbol type)
    {
        // A constructed type (Task<T>, IEnumerable<T>) is a new object at almost every call site:
        // caching it by identity would only grow the cache, so it is answered from its types.
        if (!ReferenceEquals(type, type.OriginalDefinition))
        {
            return ComputeReturnFacts(type);
        }

        if (!returnFacts.TryGetValue(type, out var facts))
        {
            facts = returnFacts.GetOrAdd(type, ComputeReturnFacts(type));
        }

        return facts;
    }

    private CallFacts ComputeReturnFacts(ITypeSymbol type)
    {
        // What IsPermit, IsReservation and IsDecision say, with the task unwrapped and the name
        // read once: this is asked of every constructed return type.
        var result = UnwrapTask(type);
        var name = result.Name;
        return IsNamedDefinition(result, name, ReservationType) ? CallFacts.Permit | CallFacts.Decision
            : IsNamedDefinition(result, name, PermitType) ? CallFacts.Permit
            : IsNamedDefinition(result, name, DecisionType) ? CallFacts.Decision
            : CallFacts.None;
    }

    /// <summary>The dial API or <c>[RequiresConsent]</c> member called, or null.</summary>
    [MethodImpl(Jit.Optimized)]
    public DialTarget? GetDialTarget(IMethodSymbol method)
    {
        if (!constructorTargetsPossible && method.MethodKind == MethodKind.Constructor)
        {
            return null;
        }

        var target = LookUpDialTarget(method, remember: true);
        return ReferenceEquals(target, DialTarget.None) ? null : target;
    }

    /// <summary>
    /// The dial target of <paramref name="method"/>'s definition (everything it is computed from is
    /// the definition's), or <see cref="DialTarget.None"/>; kept in the shared cache when
    /// <paramref name="remember"/>.
    /// </summary>
    private DialTarget LookUpDialTarget(IMethodSymbol method, bool remember)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (dialTargets.TryGetValue(definition, out var target))
        {
            return target;
        }

        return remember ? dialTargets.GetOrAdd(definition, ComputeDialTarget(definition)) : ComputeDialTarget(definition);
    }

    /// <summary>The <c>[RequiresConsent]</c> property read or written, or null.</summary>
    public DialTarget? GetDialTarget(IPropertySymbol property)
    {
        if (!markedPropertiesPossible)
        {
            return null;
        }

        var definition = property.OriginalDefinition;
        if (!dialTargets.TryGetValue(definition, out var target))
        {
            var marked = false;
            foreach (var candidate in Candidates(definition))
            {
                marked |= KnownNames.HasAttribute(candidate, KnownNames.RequiresConsentAttribute);
            }

            target = dialTargets.GetOrAdd(definition, marked ? new DialTarget(ImmutableArray<int>.Empty, -1, null, null, Channels.None) : DialTarget.None);
        }

        return ReferenceEquals(target, DialTarget.None) ? null : target;
    }

    /// <summary>How a <c>[ConsentCheck]</c> member (or one it overrides, implements or is implemented by) checks; <see cref="CheckKind.None"/> for any other.</summary>
    public CheckKind GetCheckKind(ISymbol member)
    {
        if (!consentCheckAttributeExists)
        {
            return CheckKind.None;
        }

        var definition = member.OriginalDefinition;
        if (!checkKinds.TryGetValue(definition, out var kind))
        {
            kind = checkKinds.GetOrAdd(definition, ComputeCheckKind(definition));
        }

        return kind;
    }

    private CheckKind ComputeCheckKind(ISymbol symbol)
    {
        var type = symbol switch
        {
            IMethodSymbol m => m.ReturnType,
            IPropertySymbol p => p.Type,
            _ => null,
        };
        CheckKind kind;
        if (type is null)
        {
            return CheckKind.None;
        }
        else if (IsBoolLike(type))
        {
            kind = CheckKind.Bool;
        }
        else if (symbol is IMethodSymbol method && (method.ReturnsVoid || IsPlainTask(type)))
        {
            kind = CheckKind.Guard;
        }
        else
        {
            return CheckKind.None;
        }

        foreach (var candidate in Candidates(symbol))
        {
            if (KnownNames.HasAttribute(candidate, KnownNames.ConsentCheckAttribute))
            {
                return kind;
            }
        }

        return CheckKind.None;
    }

    /// <summary>
    /// True for a member whose dials are its callers' business: one marked <c>[DialApi]</c> or
    /// <c>[RequiresConsent]</c>, one that is a dial API by configuration, or one that implements
    /// or overrides a dial API (a decorator, the SDK wrapper behind an interface).
    /// </summary>
    public bool IsConsentDelegated(ISymbol? member)
    {
        switch (member)
        {
            case IMethodSymbol { AssociatedSymbol: IPropertySymbol property }:
                return IsConsentDelegated(property);
            case IMethodSymbol method when constructorTargetsPossible || method.MethodKind != MethodKind.Constructor:
                {
                    // Asked once per analysed block, of the block's own method, which is rarely
                    // called in the same compilation: computed, not added to the shared cache, whose
                    // locks the build's other threads would wait for (docs/benchmarks-analyzers.md).
                    return !ReferenceEquals(LookUpDialTarget(method, remember: false), DialTarget.None);
                }

            case IPropertySymbol property:
                return GetDialTarget(property) is not null;
            default:
                return false;
        }
    }

    /// <summary>The <c>[RequestedContact]</c> declaration of <paramref name="member"/>, if any.</summary>
    public Exemption? GetExemption(ISymbol? member)
    {
        if (!requestedContactAttributeExists || member is null)
        {
            return null;
        }

        var attribute = KnownNames.FindAttribute(member, KnownNames.RequestedContactAttribute);
        if (attribute is null)
        {
            return null;
        }

        var arguments = attribute.ConstructorArguments;
        var kind = arguments.Length > 0 && arguments[0].Value is int value ? KindName(arguments[0].Type, value) : "requested contact";
        var reason = arguments.Length > 1 ? arguments[1].Value as string : null;
        return new Exemption(kind, reason?.Trim() ?? string.Empty, attribute.ApplicationSyntaxReference?.GetSyntax());
    }

    private static string KindName(ITypeSymbol? type, int value)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int constant } field && constant == value)
                {
                    return field.Name;
                }
            }
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True for <c>ContactDecision</c> and a task of it.</summary>
    public bool IsDecision(ITypeSymbol? type)
        => DecisionType is not null && type is not null && SymbolEqualityComparer.Default.Equals(UnwrapTask(type), DecisionType);

    /// <summary>True for a sequence of <c>ContactDecision</c>s (what <c>ContactGate.CheckMany</c> returns), and a task of one.</summary>
    public bool IsDecisionSequence(ITypeSymbol? type)
    {
        if (DecisionType is null || type is null)
        {
            return false;
        }

        type = UnwrapTask(type);
        if (type is IArrayTypeSymbol array)
        {
            return SymbolEqualityComparer.Default.Equals(array.ElementType, DecisionType);
        }

        if (type is not INamedTypeSymbol named || !IsCollection(named))
        {
            return false;
        }

        foreach (var candidate in named.AllInterfaces.Add(named))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], DecisionType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a record with phone numbers of its own (a customer, a lead, an event that carries a
    /// number): a class or struct of the user's that declares or inherits a phone-number member. Not
    /// the ContactRules types (a <c>Contact</c> is built to describe a person to the gate), nor a
    /// string, a phone-number type or a collection.
    /// </summary>
    public bool IsPersonRecord(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (!personRecords.TryGetValue(type, out var result))
        {
            result = personRecords.GetOrAdd(type, ComputeIsPersonRecord(type));
        }

        return result;
    }

    private bool ComputeIsPersonRecord(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.SpecialType != SpecialType.None
            || named.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true }
            || IsCollection(named))
        {
            return false;
        }

        for (var current = named; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol { IsImplicitlyDeclared: false } && !member.IsStatic && Numbers.IsNumber(member))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True for <c>ContactPermit</c>.</summary>
    public bool IsPermit(ITypeSymbol? type) => IsDefinition(type, PermitType);

    /// <summary>True for <c>ContactReservation</c> and a task of it.</summary>
    public bool IsReservation(ITypeSymbol? type) => IsDefinition(type, ReservationType);

    /// <summary>
    /// True when <paramref name="type"/> (or the result of a task of it) is <paramref name="definition"/>
    /// or constructed from it. The name is compared first: the definition of most types asked
    /// about (every variable assigned) is not computed.
    /// </summary>
    private static bool IsDefinition(ITypeSymbol? type, INamedTypeSymbol? definition)
    {
        if (definition is null || type is null)
        {
            return false;
        }

        type = UnwrapTask(type);
        return IsNamedDefinition(type, type.Name, definition);
    }

    /// <summary>
    /// True when <paramref name="type"/> (already unwrapped, its name read as <paramref name="name"/>)
    /// is <paramref name="definition"/> or constructed from it; the name is compared first.
    /// </summary>
    private static bool IsNamedDefinition(ITypeSymbol type, string name, INamedTypeSymbol? definition)
        => definition is not null && name == definition.Name && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);

    /// <summary>True for a type that holds a permit: the permit itself, or a reservation.</summary>
    /// <remarks>Asked at every read and store of a variable: the task is unwrapped and the name read once for both types.</remarks>
    public bool HoldsPermit(ITypeSymbol? type)
    {
        if (type is null || (PermitType is null && ReservationType is null))
        {
            return false;
        }

        type = UnwrapTask(type);
        var name = type.Name;
        return IsNamedDefinition(type, name, PermitType) || IsNamedDefinition(type, name, ReservationType);
    }

    /// <summary>
    /// True when a <c>foreach</c> over <paramref name="collection"/> enumerates it with the
    /// framework's own methods, which nothing marks: an array, or a type of a framework assembly
    /// (which cannot carry the ContactRules attributes) when the configuration names no member of
    /// a framework assembly. False says nothing: ask the loop's methods.
    /// </summary>
    public bool IsFrameworkSequence(ITypeSymbol collection)
        => !frameworkConfigured && (collection is IArrayTypeSymbol || IsFramework(collection.OriginalDefinition.ContainingAssembly));

    private static bool IsFramework(IAssemblySymbol? assembly)
        => assembly?.Name is { } name
           && (name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", System.StringComparison.Ordinal) || name.StartsWith("Microsoft.", System.StringComparison.Ordinal));

    /// <summary>True for <c>bool</c> and a task of it.</summary>
    public static bool IsBoolLike(ITypeSymbol type) => UnwrapTask(type).SpecialType == SpecialType.System_Boolean;

    /// <summary>True for a sequence of things (not a string): its elements are other people than the sequence.</summary>
    [MethodImpl(Jit.Optimized)]
    public bool IsCollection(ITypeSymbol? type)
    {
        // bool, numbers, string, an enum: most arguments, answered without the table.
        if (type is null || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String || type.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        // Whether a named type is a sequence does not depend on its type arguments: one entry per
        // definition (List<T>), not per constructed type, which is a new object at most call sites.
        var key = type is INamedTypeSymbol ? type.OriginalDefinition : type;
        if (!collections.TryGetValue(key, out var result))
        {
            result = collections.GetOrAdd(key, ComputeIsCollection(key));
        }

        return result;
    }

    private static bool ComputeIsCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol || IsEnumerableInterface(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (IsEnumerableInterface(@interface))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnumerableInterface(ITypeSymbol type)
        => type.SpecialType == SpecialType.System_Collections_IEnumerable
           || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
           || type is INamedTypeSymbol { Name: "IAsyncEnumerable", Arity: 1, ContainingNamespace.Name: "Generic" };

    /// <summary>True for <c>ContactGate.TryReserve</c> and <c>TryReserveAsync</c>.</summary>
    public static bool IsTryReserve(IMethodSymbol method)
        => method.Name is KnownNames.TryReserve or KnownNames.TryReserveAsync && KnownNames.IsContactRulesType(method.ContainingType, KnownNames.ContactGate);

    /// <summary>
    /// True for <c>ContactGate.CheckMany</c> (and an asynchronous variant): a decision per request, in
    /// the order of the requests. Its facts are <see cref="CallFacts.Decision"/>: its result decides.
    /// </summary>
    public bool IsCheckMany(IMethodSymbol method)
        => method.Name.StartsWith("CheckMany", StringComparison.Ordinal) && KnownNames.IsContactRulesType(method.ContainingType, KnownNames.ContactGate)
           && IsDecisionSequence(method.ReturnType);

    /// <summary>True for <c>ContactPermit.Complete</c> and <c>CompleteAsync</c>.</summary>
    public static bool IsPermitComplete(IMethodSymbol method)
        => method.Name is KnownNames.Complete or KnownNames.CompleteAsync && KnownNames.IsContactRulesType(method.ContainingType, KnownNames.ContactPermit);

    /// <summary>True for <c>ContactDecision.IsAllowed</c>.</summary>
    public static bool IsIsAllowed(IPropertySymbol property)
        => property.Name == KnownNames.IsAllowed && KnownNames.IsContactRulesType(property.ContainingType, KnownNames.ContactDecision);

    /// <summary>True for <c>ContactReservation.IsReserved</c>.</summary>
    public static bool IsIsReserved(IPropertySymbol property)
        => property.Name == KnownNames.IsReserved && KnownNames.IsContactRulesType(property.ContainingType, KnownNames.ContactReservation);

    /// <summary>True for <c>ContactRequest</c>: its channel is what a check covers.</summary>
    public static bool IsRequest(ITypeSymbol? type) => KnownNames.IsContactRulesType(type, KnownNames.ContactRequest);

    /// <summary>True for the <c>ContactChannel</c> enum.</summary>
    public static bool IsChannel(ITypeSymbol? type) => KnownNames.IsContactRulesType(type, KnownNames.ContactChannel);

    /// <summary>The type a task of it stands for; the type itself otherwise.</summary>
    public static ITypeSymbol UnwrapTask(ITypeSymbol type)
        // The arity and the name first: a public symbol's TypeArguments is a new array at each
        // read, and this is asked of every type assigned and returned (a fifth of a large build's
        // charge to the consent analyzer when it came first); most types have no type argument.
        => type is INamedTypeSymbol { Arity: 1, Name: "Task" or "ValueTask" } task && IsTasksNamespace(task.ContainingNamespace)
            ? task.TypeArguments[0]
            : type;

    private static bool IsPlainTask(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } task && IsTasksNamespace(task.ContainingNamespace);

    private static bool IsTasksNamespace(INamespaceSymbol? ns)
        => ns is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

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

    /// <summary>
    /// The members whose marks apply to <paramref name="definition"/>: itself, what it overrides
    /// or implements, and the marked members that override or implement any of those.
    /// </summary>
    private IEnumerable<ISymbol> Candidates(ISymbol definition)
        => StandsForItselfOnly(definition) ? new[] { definition } : CandidatesWithBases(definition);

    /// <summary>
    /// True for a member that overrides nothing, can be implemented or overridden by nothing, and
    /// whose type implements no interface: its own marks are its only ones. Most members a block
    /// calls or is (a service's own methods) are such, and need none of the walks of <see cref="MemberBases"/>.
    /// </summary>
    private static bool StandsForItselfOnly(ISymbol definition)
        => !ImplementationIndex.MayBeImplemented(definition) && definition.ContainingType is { } type && type.AllInterfaces.IsEmpty;

    private IEnumerable<ISymbol> CandidatesWithBases(ISymbol definition)
    {
        foreach (var candidate in MemberBases.SelfAndBases(definition))
        {
            yield return candidate;
            if (ImplementationIndex.MayBeImplemented(candidate) && HasAnyMark)
            {
                foreach (var implementation in implementations.Value.Of(candidate))
                {
                    if (!SymbolEqualityComparer.Default.Equals(implementation, definition))
                    {
                        yield return implementation;
                    }
                }
            }
        }
    }

    private bool HasAnyMark
        => dialApiAttributeExists || requiresConsentAttributeExists || consentCheckAttributeExists || configuredMethods.Count > 0 || configuredTypes.Count > 0;

    private bool IsMarked(ISymbol member)
        => (dialApiAttributeExists && KnownNames.HasAttribute(member, KnownNames.DialApiAttribute))
           || (requiresConsentAttributeExists && KnownNames.HasAttribute(member, KnownNames.RequiresConsentAttribute))
           || (consentCheckAttributeExists && KnownNames.HasAttribute(member, KnownNames.ConsentCheckAttribute));

    private IEnumerable<ISymbol> ConfiguredMembers()
    {
        foreach (var method in configuredMethods.Keys)
        {
            yield return method;
        }

        foreach (var type in configuredTypes.Keys)
        {
            foreach (var member in ((INamedTypeSymbol)type).GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary })
                {
                    yield return member;
                }
            }
        }
    }

    private DialTarget ComputeDialTarget(IMethodSymbol definition)
    {
        Entry? entry = null;
        AttributeData? dialApi = null;
        var requiresConsent = false;
        var attributesPossible = dialApiAttributeExists || requiresConsentAttributeExists;
        if (!attributesPossible && configuredMethods.Count == 0 && configuredTypes.Count == 0)
        {
            return DialTarget.None;
        }

        foreach (var candidate in Candidates(definition))
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

        var channel = DialChannels.Resolve(dialApi, entry?.Channel, definition);

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
            entry?.Requirement,
            channel);
    }

    /// <summary>The parameter naming convention of the issue: <c>to</c>, <c>phone</c>, <c>number</c>, <c>contact</c>, <c>customer</c>.</summary>
    private static bool LooksLikeContact(string name)
    {
        if (name == "to" || (name.Length > 2 && name.StartsWith("to", StringComparison.Ordinal) && char.IsUpper(name[2])))
        {
            return true;
        }

        var lower = name.ToLowerInvariant();
        return lower.Contains("phone") || lower.Contains("number") || lower.Contains("contact") || lower.Contains("customer") || lower.Contains("recipient");
    }

    /// <summary>A configured dial API: its note, the form a call must have to contact anyone, and its channel as the catalogue states it.</summary>
    private sealed record Entry(string? Message, ContactRequirement? Requirement, DialChannel? Channel);

    /// <summary>What a method's definition says of every call to it, whatever its type arguments (see <see cref="CallFactsOf"/>).</summary>
    [Flags]
    private enum DefinitionParts
    {
        None = 0,
        Dial = 1,
        Check = 2,
        OutParameter = 4,
        MayCheckMany = 8,
    }
}
