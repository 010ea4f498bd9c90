using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Serverless.CodeFixes.Injection;

/// <summary>
/// What the startup registers for one request and how the handler uses it. A pool or client (<c>DbDataSource</c>,
/// <c>MongoClient</c>, <c>ConnectionMultiplexer</c>) is registered as created (<c>ConnectAsync</c> becomes
/// <c>Connect</c>: a factory cannot await) and used as is. A <c>DbConnection</c> is never shared: its provider's data
/// source is registered (<c>NpgsqlDataSource.Create(cs)</c>, or <c>XFactory.Instance.CreateDataSource(cs)</c> as a
/// <c>DbDataSource</c>) and the handler calls <c>CreateConnection()</c> on it per invocation, so opening and disposing
/// the connection keeps its meaning and returns it to the pool.
/// </summary>
internal sealed class SingletonService
{
    private SingletonService(ITypeSymbol serviceType, ExpressionSyntax factory, ITypeSymbol? connectionCast)
    {
        ServiceType = serviceType;
        Factory = factory;
        ConnectionCast = connectionCast;
    }

    /// <summary>The registered type, which the handler takes as a constructor parameter.</summary>
    public ITypeSymbol ServiceType { get; }

    /// <summary>The factory's body: names fully qualified (simplified where it lands), the connection string read from the environment first.</summary>
    public ExpressionSyntax Factory { get; }

    /// <summary>A data source's connection: the type to cast <c>CreateConnection()</c> to, when it returns a base type.</summary>
    public ITypeSymbol? ConnectionCast { get; }

    public bool CreatesConnections { get; private set; }

    public string ServiceKey => ServiceType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The factory as text to compare registrations by (<see cref="Canonical"/>).</summary>
    public string FactoryText => Canonical(Factory);

    /// <summary>
    /// An expanded expression as comparable text: the casts and parentheses <see cref="Simplifier.Expand"/> adds around
    /// arguments (<c>(global::System.String)("...")</c>) removed, whitespace normalized.
    /// </summary>
    public static string Canonical(SyntaxNode expression) =>
        new ExpansionStripper().Visit(expression).WithoutTrivia().NormalizeWhitespace().ToFullString();

    private sealed class ExpansionStripper : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitCastExpression(CastExpressionSyntax node) => Visit(node.Expression);

        public override SyntaxNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node)
        {
            var inner = (ExpressionSyntax)Visit(node.Expression)!;
            return node.Parent is ArgumentSyntax or CastExpressionSyntax or ParenthesizedExpressionSyntax or EqualsValueClauseSyntax
                   || inner is LiteralExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or ObjectCreationExpressionSyntax
                ? inner
                : node.WithExpression(inner);
        }
    }

    public static SingletonService? Create(InjectionRequest request, SemanticModel model, Workspace workspace, CancellationToken cancellationToken)
    {
        if (!request.DataSource)
        {
            var factory = Expand(request.Creation, request, model, workspace, cancellationToken);
            if (request.Value is AwaitExpressionSyntax)
            {
                // ConnectionMultiplexer.ConnectAsync(...) → Connect(...): the container calls the factory synchronously.
                if (factory is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectAsync" } access }
                    || !request.ValueType.GetMembers("Connect").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public))
                {
                    return null;
                }

                factory = factory.ReplaceNode(access.Name, SyntaxFactory.IdentifierName("Connect").WithTriviaFrom(access.Name));
            }

            return new SingletonService(request.ValueType, factory, null);
        }

        if (request.Creation is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
            || request.ValueType is not INamedTypeSymbol connection
            || model.Compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource") is not { } dbDataSource)
        {
            return null;
        }

        var argument = Expand(creation.ArgumentList!.Arguments[0].Expression, request, model, workspace, cancellationToken);
        var ns = connection.ContainingNamespace;

        // The provider's own data source: a DbDataSource subtype next to the connection with a static Create(string).
        foreach (var type in ns.GetTypeMembers())
        {
            if (Inherits(type, dbDataSource) && type.DeclaredAccessibility == Accessibility.Public
                && type.GetMembers("Create").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
                    && m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && SymbolEqualityComparer.Default.Equals(m.ReturnType, type)))
            {
                var factory = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(type), SyntaxFactory.IdentifierName("Create")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
                return new SingletonService(type, factory, CastFor(type, connection)) { CreatesConnections = true };
            }
        }

        // Else the provider factory's generic data source (DbProviderFactory.CreateDataSource, .NET 7+).
        var providerFactory = model.Compilation.GetTypeByMetadataName("System.Data.Common.DbProviderFactory");
        foreach (var type in ns.GetTypeMembers())
        {
            if (providerFactory is not null && Inherits(type, providerFactory) && type.DeclaredAccessibility == Accessibility.Public
                && type.GetMembers("Instance").Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
                    && m is IFieldSymbol or IPropertySymbol)
                && providerFactory.GetMembers("CreateDataSource").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1))
            {
                var instance = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(type), SyntaxFactory.IdentifierName("Instance"));
                var factory = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName("CreateDataSource")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
                return new SingletonService(dbDataSource, factory, CastFor(dbDataSource, connection)) { CreatesConnections = true };
            }
        }

        return null;
    }

    /// <summary>What replaces the creation in the handler: the injected member, or a connection created from it.</summary>
    public ExpressionSyntax Usage(string member, SyntaxNode replaced)
    {
        ExpressionSyntax usage = SyntaxFactory.IdentifierName(member);
        if (!CreatesConnections)
        {
            return usage;
        }

        usage = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, usage, SyntaxFactory.IdentifierName("CreateConnection")));
        if (ConnectionCast is not null)
        {
            usage = SyntaxFactory.CastExpression(TypeName(ConnectionCast), usage);
            if (replaced.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or InvocationExpressionSyntax)
            {
                usage = SyntaxFactory.ParenthesizedExpression(usage);
            }
        }

        return usage;
    }

    /// <summary>A type's fully qualified name, marked so that the simplifier shortens it and the import adder adds its using.</summary>
    public static TypeSyntax TypeName(ITypeSymbol type) =>
        SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static ITypeSymbol? CastFor(ITypeSymbol dataSource, INamedTypeSymbol connection)
    {
        IMethodSymbol? create = null;
        for (var type = dataSource as INamedTypeSymbol; type is not null && create is null; type = type.BaseType)
        {
            create = type.GetMembers("CreateConnection").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 0 && !m.IsStatic);
        }

        return create is not null && Inherits(create.ReturnType as INamedTypeSymbol, connection) ? null : connection;
    }

    private static bool Inherits(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="node"/> with every name fully qualified (so it binds in the startup's file) and the connection
    /// string literal read from the environment first.
    /// </summary>
    private static ExpressionSyntax Expand(ExpressionSyntax node, InjectionRequest request, SemanticModel model, Workspace workspace, CancellationToken cancellationToken)
    {
        var literals = node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().ToList();
        var index = request.Literal is { } span ? literals.FindIndex(l => l.Span == span) : -1;
        var expanded = Simplifier.Expand(node, model, workspace, cancellationToken: cancellationToken);
        if (index >= 0 && request.EnvironmentVariable is { } variable)
        {
            var literal = expanded.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().ElementAtOrDefault(index);
            if (literal is not null)
            {
                var read = SyntaxFactory.ParseExpression(
                    "global::System.Environment.GetEnvironmentVariable(" + SyntaxFactory.Literal(variable).ToString() + ") ?? " + literal.WithoutTrivia().ToFullString());
                expanded = expanded.ReplaceNode(literal, read.WithTriviaFrom(literal));
            }
        }

        return expanded.WithoutTrivia().WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
