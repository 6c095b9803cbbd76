using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// Whether <c>[RequiresConsent]</c> may move a dial's obligation to a method's callers: only when
/// every caller can still be checked. The analyzer checks a call it can see, to the method it
/// binds to; so the attribute is never offered where the method is reached in another way:
/// through an interface or a base class (an implementation or override), by a framework (an entry
/// point, a controller action, a hub or page handler, a function or job trigger), as a delegate
/// (a method group, an event handler, a timer or scheduler callback), or from a lambda handed to
/// anything but LINQ (which may run it later, when the consent checked at its creation no longer
/// holds). A method nobody calls in the solution is not offered either: its callers are unknown.
/// </summary>
internal static class RequiresConsentEligibility
{
    private static readonly string[] FrameworkAttributeSuffixes =
    {
        "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead", "HttpOptions", "AcceptVerbs", "Route",
        "Function", "FunctionName", "RecurringJob", "AutomaticRetry", "Queue", "DisableConcurrentExecution", "HubMethodName",
        "Fact", "Theory", "Test", "TestMethod", "Benchmark",
    };

    private static readonly string[] FrameworkBaseTypes =
    {
        "ControllerBase", "Controller", "PageModel", "Hub", "ComponentBase", "BackgroundService", "IHostedService", "ServiceBase",
    };

    /// <summary>True when every caller of <paramref name="method"/> can be checked once it carries <c>[RequiresConsent]</c>.</summary>
    public static async Task<bool> IsEligibleAsync(IMethodSymbol method, Solution solution, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsOverride
            || method.IsAbstract
            || method.ExplicitInterfaceImplementations.Length > 0
            || ImplementsInterfaceMember(method)
            || IsEntryPoint(method)
            || IsFrameworkInvoked(method))
        {
            return false;
        }

        var references = (await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
            .SelectMany(r => r.Locations)
            .ToArray();
        if (references.Length == 0)
        {
            return false;
        }

        foreach (var reference in references)
        {
            if (reference.IsImplicit || reference.Location.SourceTree is not { } tree)
            {
                return false;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root.FindNode(reference.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!IsDirectCall(node) || IsInDeferredLambda(node))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return type is not null && type.AllInterfaces
            .SelectMany(i => i.GetMembers(method.Name))
            .Any(member => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method));
    }

    private static bool IsEntryPoint(IMethodSymbol method)
        => (method.Name == "Main" && method.IsStatic)
           || method.Name is "Execute" or "ExecuteAsync" or "Invoke" or "InvokeAsync" or "Handle" or "HandleAsync" or "Consume" or "Run" or "RunAsync" && method.DeclaredAccessibility == Accessibility.Public && InheritsFramework(method.ContainingType);

    private static bool IsFrameworkInvoked(IMethodSymbol method)
    {
        if (method.GetAttributes().Any(a => HasFrameworkName(a.AttributeClass))
            || method.Parameters.Any(p => p.GetAttributes().Any(a => a.AttributeClass?.Name.EndsWith("TriggerAttribute", System.StringComparison.Ordinal) == true)))
        {
            return true;
        }

        var type = method.ContainingType;
        var isController = type.Name.EndsWith("Controller", System.StringComparison.Ordinal)
                           || type.GetAttributes().Any(a => a.AttributeClass?.Name is "ApiControllerAttribute" or "ControllerAttribute")
                           || InheritsFramework(type);
        return isController && method.DeclaredAccessibility == Accessibility.Public;
    }

    private static bool HasFrameworkName(INamedTypeSymbol? attribute)
        => attribute is not null && FrameworkAttributeSuffixes.Any(s => attribute.Name == s + "Attribute" || attribute.Name == s);

    private static bool InheritsFramework(INamedTypeSymbol? type)
    {
        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (FrameworkBaseTypes.Contains(current.Name))
            {
                return true;
            }
        }

        return type is not null && type.AllInterfaces.Any(i => FrameworkBaseTypes.Contains(i.Name));
    }

    /// <summary>True for <c>M(...)</c>, <c>x.M(...)</c>, <c>x?.M(...)</c>: a call, not a method group.</summary>
    private static bool IsDirectCall(SyntaxNode node)
    {
        var name = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        if (name is GenericNameSyntax or IdentifierNameSyntax && name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            name = access;
        }
        else if (name is GenericNameSyntax or IdentifierNameSyntax && name.Parent is MemberBindingExpressionSyntax binding)
        {
            name = binding;
        }

        return name.Parent is InvocationExpressionSyntax call && call.Expression == name;
    }

    /// <summary>True when the call is inside a lambda that may run later: converted to an expression tree, or handed to anything but LINQ.</summary>
    private static bool IsInDeferredLambda(SyntaxNode node)
    {
        foreach (var function in node.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (function.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
            {
                return true;
            }

            var called = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                IdentifierNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };
            if (called is not ("Select" or "Where" or "Any" or "All" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Count" or "ToList" or "ToArray" or "SelectMany" or "OrderBy" or "ForEach"))
            {
                return true;
            }
        }

        return false;
    }
}
