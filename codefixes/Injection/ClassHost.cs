using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Serverless.CodeFixes.Http;

namespace Serverless.CodeFixes.Injection;

/// <summary>
/// Where a handler class takes its constructor dependencies: its primary constructor, its one constructor, or (none
/// declared) a new constructor in the part that declares the class first. Several parts (partial classes), nested and
/// generic classes are all one class here; a class with several constructors, or a record with positional
/// parameters (a parameter would become a property), is left alone.
/// </summary>
internal sealed class ClassHost
{
    private readonly INamedTypeSymbol _type;
    private readonly ConstructorDeclarationSyntax? _constructor;

    private ClassHost(INamedTypeSymbol type, TypeDeclarationSyntax declaration, ConstructorDeclarationSyntax? constructor)
    {
        _type = type;
        Declaration = declaration;
        _constructor = constructor;
    }

    /// <summary>The part that gets the fields (and the primary constructor's or the new constructor's parameters).</summary>
    public TypeDeclarationSyntax Declaration { get; }

    private bool IsPrimary => Declaration.ParameterList is not null;

    public static ClassHost? Find(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var parts = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .OrderBy(p => p.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(p => p.SpanStart)
            .ToList();
        if (parts.Count == 0 || parts.Any(p => p is RecordDeclarationSyntax { ParameterList: not null }))
        {
            return null;
        }

        var declared = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
        if (parts.FirstOrDefault(p => p.ParameterList is not null) is { } primary)
        {
            // Other constructors call the primary one: a new parameter would break them.
            return declared.Count == 1 ? new ClassHost(type, primary, null) : null;
        }

        if (declared.Count == 0)
        {
            return new ClassHost(type, parts[0], null);
        }

        if (declared.Count == 1
            && declared[0].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax constructor
            && (constructor.Body is not null || constructor.ExpressionBody is not null)
            && constructor.Parent is TypeDeclarationSyntax owner)
        {
            return new ClassHost(type, owner, constructor);
        }

        return null;
    }

    /// <summary>
    /// A member already holding an injected <paramref name="serviceType"/>: a primary constructor parameter of that
    /// type, or a readonly instance field of it.
    /// </summary>
    public string? ExistingMember(ITypeSymbol serviceType)
    {
        if (IsPrimary && _type.InstanceConstructors.FirstOrDefault(c => !c.IsImplicitlyDeclared) is { } primary)
        {
            var parameter = primary.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, serviceType));
            if (parameter is not null)
            {
                var field = _type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic && f.IsReadOnly && SymbolEqualityComparer.Default.Equals(f.Type, serviceType));
                return field?.Name ?? parameter.Name;
            }
        }

        return _type.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => !f.IsStatic && f.IsReadOnly && !f.IsImplicitlyDeclared && SymbolEqualityComparer.Default.Equals(f.Type, serviceType))
            ?.Name;
    }

    /// <summary>Whether a member of the class (or a base), or a constructor parameter, has <paramref name="name"/>.</summary>
    public bool IsTaken(string name)
    {
        for (var current = _type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return _type.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == name))
               || _type.TypeParameters.Any(t => t.Name == name);
    }

    /// <summary>Adds the fields and the constructor parameters (and assignments, or a new constructor).</summary>
    public void Add(DocumentEditor editor, List<(string Field, string Parameter, ITypeSymbol Type)> added)
    {
        var endOfLine = Declaration.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        var fields = added.Select(a => (MemberDeclarationSyntax)SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(SingletonService.TypeName(a.Type).WithTrailingTrivia(SyntaxFactory.Space))
                    .AddVariables(IsPrimary
                        ? SyntaxFactory.VariableDeclarator(a.Field).WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.IdentifierName(a.Parameter))
                            .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)))
                        : SyntaxFactory.VariableDeclarator(a.Field)))
            .WithModifiers(SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space))))
            .ToList();
        var parameters = added.Select(a => SyntaxFactory.Parameter(SyntaxFactory.Identifier(a.Parameter))
            .WithType(SingletonService.TypeName(a.Type).WithTrailingTrivia(SyntaxFactory.Space))).ToList();

        if (_constructor is not null)
        {
            editor.ReplaceNode(_constructor, (current, _) =>
            {
                var constructor = (ConstructorDeclarationSyntax)current;
                var list = constructor.ParameterList;
                foreach (var parameter in parameters)
                {
                    list = HttpFixSyntax.Insert(list, list.Parameters.Count, parameter);
                }

                var assignments = added.Select(a => (StatementSyntax)SyntaxFactory.ParseStatement(a.Field + " = " + a.Parameter + ";").WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
                constructor = constructor.WithParameterList(list);
                if (constructor.Body is { Statements.Count: 0 } empty && !empty.ToString().Contains("\n"))
                {
                    // `public Orders() { }`: the assignments on their own lines.
                    var indentation = constructor.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
                    var eol = endOfLine.ToString();
                    var text = eol + indentation + "{" + eol
                        + string.Concat(added.Select(a => indentation + "    " + a.Field + " = " + a.Parameter + ";" + eol))
                        + indentation + "}";
                    var block = SyntaxFactory.ParseStatement(text.TrimStart()).WithLeadingTrivia(SyntaxFactory.EndOfLine(eol), SyntaxFactory.Whitespace(indentation));
                    return constructor.WithParameterList(list.WithoutTrailingTrivia()).WithBody(((BlockSyntax)block).WithTrailingTrivia(empty.GetTrailingTrivia()));
                }

                if (constructor.Body is { } body)
                {
                    return constructor.WithBody(body.AddStatements(assignments));
                }

                var existing = SyntaxFactory.ExpressionStatement(constructor.ExpressionBody!.Expression.WithoutTrivia());
                return constructor.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithParameterList(list.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))
                    .WithBody(SyntaxFactory.Block(new StatementSyntax[] { existing }.Concat(assignments)).WithTrailingTrivia(constructor.SemicolonToken.TrailingTrivia))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            });
        }

        editor.ReplaceNode(Declaration, (current, _) =>
        {
            var declaration = (TypeDeclarationSyntax)current;
            if (IsPrimary)
            {
                var list = declaration.ParameterList!;
                foreach (var parameter in parameters)
                {
                    list = HttpFixSyntax.Insert(list, list.Parameters.Count, parameter);
                }

                declaration = declaration.WithParameterList(list);
            }

            declaration = StaticFieldHoister.InsertFields(declaration, fields, endOfLine);
            if (IsPrimary || _constructor is not null)
            {
                return declaration;
            }

            // A new constructor after the fields, a blank line before it.
            var members = declaration.Members;
            var last = -1;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is FieldDeclarationSyntax)
                {
                    last = i;
                }
            }

            var indentation = members[last].GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
            var eol = endOfLine.ToString();
            var text = indentation + "public " + Declaration.Identifier.ValueText + "(" + string.Join(", ", added.Select(a => "object " + a.Parameter)) + ")" + eol
                + indentation + "{" + eol
                + string.Concat(added.Select(a => indentation + "    " + a.Field + " = " + a.Parameter + ";" + eol))
                + indentation + "}" + eol;
            var constructor = (ConstructorDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(text)!;
            var typedList = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters, parameters.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))));
            constructor = constructor.WithParameterList(typedList.WithTrailingTrivia(constructor.ParameterList.GetTrailingTrivia()))
                .WithLeadingTrivia(new[] { endOfLine }.Concat(constructor.GetLeadingTrivia()));
            return declaration.WithMembers(members.Insert(last + 1, constructor));
        });
    }
}
