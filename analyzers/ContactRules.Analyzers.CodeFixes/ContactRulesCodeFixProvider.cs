using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ContactRules.Analyzers.CodeFixes;

/// <summary>
/// What every ContactRules code fix shares: one diagnostic id, the document's syntax root and
/// semantic model loaded before the fix looks at a diagnostic, fix-all one document at a time
/// (each fixer decides how its fixes combine), and the check that a fix compiles no worse than
/// the code it replaces.
/// </summary>
public abstract class ContactRulesCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates the provider for one diagnostic.</summary>
    /// <param name="diagnosticId">The id of the diagnostic it fixes.</param>
    private protected ContactRulesCodeFixProvider(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            return root is null || model is null
                ? document
                : await FixAllAsync(document, root, model, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
        });

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not null && model is not null)
        {
            await RegisterFixesAsync(context, root, model, context.Diagnostics[0]).ConfigureAwait(false);
        }
    }

    /// <summary>Registers the fixes that apply to <paramref name="diagnostic"/>, if any.</summary>
    /// <param name="context">The code-fix context.</param>
    /// <param name="root">The document's syntax root.</param>
    /// <param name="model">The document's semantic model.</param>
    /// <param name="diagnostic">The diagnostic to fix.</param>
    /// <returns>A task that completes when the fixes are registered.</returns>
    private protected abstract Task RegisterFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic);

    /// <summary>Applies the fix named <paramref name="equivalenceKey"/> to every one of <paramref name="diagnostics"/> in <paramref name="document"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="root">Its syntax root.</param>
    /// <param name="model">Its semantic model.</param>
    /// <param name="diagnostics">The diagnostics of the document to fix.</param>
    /// <param name="equivalenceKey">The fix chosen.</param>
    /// <param name="cancellationToken">Cancels the fix.</param>
    /// <returns>The fixed document.</returns>
    private protected abstract Task<Document> FixAllAsync(Document document, SyntaxNode root, SemanticModel model, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="fixedRoot"/> has no more compiler errors than <paramref name="document"/>.</summary>
    private protected static async Task<bool> CompilesAsWellAsync(Document document, SyntaxNode fixedRoot, CancellationToken cancellationToken)
    {
        var before = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var after = await document.WithSyntaxRoot(fixedRoot).GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return before is not null && after is not null
               && after.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error)
                  <= before.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Adds <c>using ContactRules;</c> when <paramref name="typeName"/> does not bind in <paramref name="model"/>'s document.</summary>
    private protected static SyntaxNode WithContactRulesUsing(SyntaxNode root, SemanticModel model, int position, string typeName)
        => model.LookupNamespacesAndTypes(position, name: typeName).Any(s => s.ContainingNamespace?.Name == KnownNames.Namespace)
           || root is not CompilationUnitSyntax unit
           || unit.Usings.Any(u => u.Name?.ToString() == KnownNames.Namespace)
            ? root
            : unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(KnownNames.Namespace)).WithAdditionalAnnotations(Formatter.Annotation));
}
