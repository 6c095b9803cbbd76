using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContactRules.Analyzers.Configuration;

/// <summary>
/// When a call to a built-in dial API contacts someone at all. Most always do; a few SDK members
/// contact a person only in one form: SNS <c>Publish</c> texts a phone number only when its request
/// sets <c>PhoneNumber</c> (otherwise it publishes to a topic), and a TwiML <c>Dial</c> verb dials
/// only the number it is given (an empty verb is filled in by its nouns).
/// </summary>
internal abstract class ContactRequirement
{
    /// <summary>The call contacts someone only when its request object sets <paramref name="member"/>.</summary>
    public static ContactRequirement RequestSets(string member) => new RequestMember(member);

    /// <summary>The call contacts someone only when it passes a value for the parameter <paramref name="parameter"/>.</summary>
    public static ContactRequirement ArgumentGiven(string parameter) => new Argument(parameter);

    /// <summary>True when the call with these arguments contacts someone; true as well when that cannot be seen.</summary>
    public abstract bool IsMet(ImmutableArray<IArgumentOperation> arguments);

    /// <summary>The parameter or member the requirement names.</summary>
    public abstract string Name { get; }

    private sealed class Argument : ContactRequirement
    {
        private readonly string parameter;

        public Argument(string parameter) => this.parameter = parameter;

        public override string Name => parameter;

        public override bool IsMet(ImmutableArray<IArgumentOperation> arguments)
            => arguments.Any(a => a.Parameter?.Name == parameter
                                  && a.ArgumentKind != ArgumentKind.DefaultValue
                                  && a.Value.ConstantValue is not { HasValue: true, Value: null });
    }

    /// <summary>
    /// The request's construction is looked for where it is visible: in the argument itself, in the
    /// initializer and member assignments of the local it is read from, and one call deep in the
    /// source of a helper method that builds it (<c>var request = BuildReminder(customer)</c>). A
    /// construction that is visible and never sets the member (a topic publish) contacts nobody;
    /// a request whose construction cannot be seen (a parameter, a field, a helper without source)
    /// counts as a contact: the analyzers fail closed.
    /// </summary>
    private sealed class RequestMember : ContactRequirement
    {
        private const int MaxHelperDepth = 3;
        private readonly string member;

        public RequestMember(string member) => this.member = member;

        public override string Name => member;

        public override bool IsMet(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Type.GetMembers(member).Any(m => m is IPropertySymbol)
                    && Sets(argument.Value, argument.SemanticModel, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Sets(IOperation value, SemanticModel? model, int depth)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case IObjectCreationOperation creation:
                    return AssignsMember(creation.Syntax);
                case IInvocationOperation invocation:
                    return HelperSets(invocation.TargetMethod, model, depth);
                case ILocalReferenceOperation local:
                    return LocalSets(local.Local, model, depth);
                case ILiteralOperation or IDefaultValueOperation:
                    return false;
                default:
                    // A parameter, a field, a property, an element: built where it cannot be seen.
                    return true;
            }
        }

        private bool LocalSets(ILocalSymbol local, SemanticModel? model, int depth)
        {
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            var body = declaration?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (declaration is not VariableDeclaratorSyntax declarator || body is null)
            {
                return true;
            }

            var name = local.Name;
            var sources = Enumerable.Empty<ExpressionSyntax>();
            if (declarator.Initializer is { } initializer)
            {
                sources = sources.Append(initializer.Value);
            }

            foreach (var assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                switch (assignment.Left)
                {
                    // request.PhoneNumber = ...
                    case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: var assigned }
                        when target.Identifier.ValueText == name && assigned == member:
                        return true;

                    // request = ...
                    case IdentifierNameSyntax target when target.Identifier.ValueText == name:
                        sources = sources.Append(assignment.Right);
                        break;
                }
            }

            foreach (var source in sources)
            {
                if (ExpressionSets(source, model, depth))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ExpressionSets(ExpressionSyntax expression, SemanticModel? model, int depth)
        {
            if (model is not null && expression.SyntaxTree == model.SyntaxTree && model.GetOperation(expression) is { } operation)
            {
                return Sets(operation, model, depth);
            }

            // Without a model, only what the syntax shows: an object creation that sets nothing is a topic publish.
            return expression is not BaseObjectCreationExpressionSyntax || AssignsMember(expression);
        }

        private bool HelperSets(IMethodSymbol helper, SemanticModel? model, int depth)
        {
            var declaration = helper.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (declaration is null || depth >= MaxHelperDepth)
            {
                return true;
            }

            if (AssignsMember(declaration))
            {
                return true;
            }

            // A helper that visibly builds every request it returns, none with the member, contacts nobody.
            var returned = declaration switch
            {
                BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } => new[] { arrow.Expression },
                LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => new[] { arrow.Expression },
                _ => declaration.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>().ToArray(),
            };
            if (returned.Length == 0)
            {
                return true;
            }

            var helperModel = model is not null && model.SyntaxTree == declaration.SyntaxTree ? model : null;
            foreach (var expression in returned)
            {
                if (helperModel?.GetOperation(expression) is { } operation)
                {
                    if (Sets(operation, helperModel, depth + 1))
                    {
                        return true;
                    }
                }
                else if (expression is not BaseObjectCreationExpressionSyntax && !IsLocalBuiltHere(expression, declaration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="expression"/> names a local of the helper initialised by an object creation.</summary>
        private static bool IsLocalBuiltHere(ExpressionSyntax expression, SyntaxNode helper)
            => expression is IdentifierNameSyntax name
               && helper.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(d => d.Identifier.ValueText == name.Identifier.ValueText && d.Initializer?.Value is BaseObjectCreationExpressionSyntax);

        private bool AssignsMember(SyntaxNode syntax)
            => syntax.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>().Any(a => a.Left switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText == member,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == member,
                _ => false,
            });
    }
}
