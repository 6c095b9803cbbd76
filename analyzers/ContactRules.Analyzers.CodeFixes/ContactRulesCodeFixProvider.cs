using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// What every ContactRules code fix shares: one diagnostic id, batch fix-all, and the document's
/// syntax root and semantic model loaded before the fix looks at the diagnostic.
/// </summary>
public abstract class ContactRulesCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates the provider for one diagnostic.</summary>
    /// <param name="diagnosticId">The id of the diagnostic it fixes.</param>
    private protected ContactRulesCodeFixProvider(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not null && model is not null)
        {
            RegisterFixes(context, root, model, context.Diagnostics[0]);
        }
    }

    /// <summary>Registers the fixes that apply to <paramref name="diagnostic"/>, if any.</summary>
    /// <param name="context">The code-fix context.</param>
    /// <param name="root">The document's syntax root.</param>
    /// <param name="model">The document's semantic model.</param>
    /// <param name="diagnostic">The diagnostic to fix.</param>
    private protected abstract void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic);
}
