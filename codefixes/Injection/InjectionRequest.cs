using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.CodeFixes.Injection;

/// <summary>One SLS2001 diagnostic that the singleton fix can act on, bound to its syntax in the handler class.</summary>
internal sealed class InjectionRequest
{
    private InjectionRequest(Diagnostic diagnostic, ExpressionSyntax creation, ExpressionSyntax value, TypeDeclarationSyntax declaration,
        INamedTypeSymbol declaringType, ITypeSymbol valueType, bool dataSource, string? environmentVariable, TextSpan? literal)
    {
        Diagnostic = diagnostic;
        Creation = creation;
        Value = value;
        Declaration = declaration;
        DeclaringType = declaringType;
        ValueType = valueType;
        DataSource = dataSource;
        EnvironmentVariable = environmentVariable;
        Literal = literal;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The reported creation (<c>new NpgsqlConnection(...)</c>, <c>ConnectionMultiplexer.ConnectAsync(...)</c>).</summary>
    public ExpressionSyntax Creation { get; }

    /// <summary>What the code receives: the creation, or the <c>await</c> of <c>ConnectAsync</c>.</summary>
    public ExpressionSyntax Value { get; }

    public TypeDeclarationSyntax Declaration { get; }

    public INamedTypeSymbol DeclaringType { get; }

    /// <summary>The type of <see cref="Value"/>: the connection, pool or client.</summary>
    public ITypeSymbol ValueType { get; }

    /// <summary>A <c>DbConnection</c>: a data source is registered and the connection is created from it.</summary>
    public bool DataSource { get; }

    public string? EnvironmentVariable { get; }

    /// <summary>The connection string literal, in the document.</summary>
    public TextSpan? Literal { get; }

    public static bool TryCreate(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken, out InjectionRequest request)
    {
        request = null!;
        if (!diagnostic.Properties.TryGetValue(HandlerCodePropertyNames.Inject, out var inject)
            || inject is not (HandlerCodePropertyNames.InjectInstance or HandlerCodePropertyNames.InjectDataSource))
        {
            return false;
        }

        var creation = ReportedCreation.Find(diagnostic, root);
        var declaration = creation?.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (creation is null || declaration is not (ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword })
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { IsStatic: false } declaringType
            || !IsInstanceCode(model, creation, declaringType, cancellationToken))
        {
            return false;
        }

        var value = AwaitedValue(creation);
        if (model.GetTypeInfo(value, cancellationToken).Type is not { TypeKind: not TypeKind.Error } valueType)
        {
            return false;
        }

        ConnectionStringLiteral.TryRead(diagnostic, creation.Span, out var variable, out var literal);

        request = new InjectionRequest(diagnostic, creation, value, declaration, declaringType, valueType,
            inject == HandlerCodePropertyNames.InjectDataSource, variable, literal);
        return true;
    }

    /// <summary><c>await ConnectAsync(...)</c> (also with <c>ConfigureAwait</c>) for a Redis connection; else the creation.</summary>
    private static ExpressionSyntax AwaitedValue(ExpressionSyntax creation)
    {
        SyntaxNode current = creation;
        if (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access && access.Expression == current
            && access.Parent is InvocationExpressionSyntax configure)
        {
            current = configure;
        }

        return current.Parent is AwaitExpressionSyntax awaited ? awaited : creation;
    }

    /// <summary>Whether the creation runs with an instance of the handler at hand: no static member, lambda or local function around it.</summary>
    private static bool IsInstanceCode(SemanticModel model, ExpressionSyntax creation, INamedTypeSymbol declaringType, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(creation.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, declaringType))
            {
                return true;
            }

            if (symbol.IsStatic || symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor })
            {
                return false;
            }
        }

        return false;
    }
}
