using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Serverless.Analyzers;

/// <summary>
/// Facts about a creation in invocation code: whether it is already cached (no diagnostic), and whether the
/// SLS2001-SLS2003 fix can move it into a static field (diagnostic properties).
/// </summary>
internal static class Hoisting
{
    /// <summary>
    /// Whether the creation's result is cached in a field or property, so it only runs once per environment:
    /// <c>_client ??= new HttpClient()</c>; <c>if (_client is null) _client = new HttpClient();</c>;
    /// <c>LazyInitializer.EnsureInitialized(ref _client, () =&gt; new HttpClient())</c>;
    /// <c>_clients.GetOrAdd(region, r =&gt; new AmazonS3Client(r))</c> on a field. Also through a <c>Lazy&lt;T&gt;</c>
    /// that is itself cached that way.
    /// </summary>
    public static bool IsCached(IOperation creation)
    {
        var child = creation;
        for (var parent = creation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ICoalesceAssignmentOperation coalesce when coalesce.Value == child && IsPersistent(coalesce.Target):
                    return true;
                case ISimpleAssignmentOperation assignment when assignment.Value == child && IsPersistent(assignment.Target)
                                                                && MemberOf(assignment.Target) is { } member
                                                                && IsGuardedBy(assignment, member):
                    return true;
                case IInvocationOperation invocation when child is IArgumentOperation && IsCachingCall(invocation):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the creation can become a static field initializer: it uses no locals, parameters or instance members
    /// from outside itself, does not await, does not depend on a method type parameter, and is not disposed, opened,
    /// closed or reconfigured by the code that creates it (a shared instance must outlive the invocation).
    /// </summary>
    public static bool CanHoist(IOperation creation, IOperation root, FindingKind kind)
    {
        if (DependsOnContext(creation) || IsDisposedInPlace(creation))
        {
            return false;
        }

        var local = AssignedLocal(creation);
        return local is null || !IsUsedAsPerRequestResource(local, root, kind);
    }

    /// <summary>
    /// Whether the creation can come from dependency injection (SLS2001's singleton fix), and how
    /// (<see cref="Diagnostics.HandlerCodePropertyNames"/>): a <c>DbConnection</c> built from one connection string
    /// stays per invocation, created from an injected data source, so opening and disposing it stays right; a pool or
    /// client becomes the injected instance, which a <c>using</c> around it must no longer dispose (the fix removes
    /// it), so nothing else may dispose, close or reconfigure it. <c>ConnectAsync</c> must be awaited where it is called.
    /// </summary>
    public static string? CanInject(IOperation creation, IOperation root, FindingKind kind, HandlerCodeTypes types)
    {
        if (DependsOnContext(creation))
        {
            return null;
        }

        if (kind == FindingKind.Relational && !HandlerCodeTypes.InheritsFrom(creation.Type, types.DbDataSource))
        {
            var local = AssignedLocal(creation);
            return creation is IObjectCreationOperation { Arguments.Length: 1 } objectCreation
                   && objectCreation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                   && (local is null || !IsReconfigured(local, root))
                ? Diagnostics.HandlerCodePropertyNames.InjectDataSource
                : null;
        }

        var value = creation;
        if (kind == FindingKind.Redis && creation is IInvocationOperation { TargetMethod.Name: "ConnectAsync" })
        {
            var parent = creation.Parent;
            if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == creation)
            {
                parent = configure.Parent;
            }

            if (parent is not IAwaitOperation awaited)
            {
                return null;
            }

            value = awaited;
        }

        if (IsDisposedInPlace(value) && !IsSingleUsingResource(value))
        {
            return null;
        }

        var assigned = AssignedLocal(value);
        return assigned is null || !IsUsedAsPerRequestResource(assigned, root, kind)
            ? Diagnostics.HandlerCodePropertyNames.InjectInstance
            : null;
    }

    /// <summary>
    /// <c>using var x = value;</c>, <c>using (var x = value)</c> with one variable, or <c>using (value)</c>: a wrapper the
    /// fix can drop without touching other resources.
    /// </summary>
    private static bool IsSingleUsingResource(IOperation value)
    {
        var current = value;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        if (current.Parent is IUsingOperation direct)
        {
            return direct.Resources == current;
        }

        if (current.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation declaration } }
            || declaration.Declarators.Length != 1
            || declaration.Parent is not IVariableDeclarationGroupOperation group
            || group.Declarations.Length != 1)
        {
            return false;
        }

        return group.Parent is IUsingDeclarationOperation || (group.Parent is IUsingOperation statement && statement.Resources == group);
    }

    /// <summary>Whether a property of the instance in <paramref name="local"/> is set (a data source's connection cannot change its connection string).</summary>
    private static bool IsReconfigured(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IMemberReferenceOperation { Instance: ILocalReferenceOperation reference } member
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && member.Parent is IAssignmentOperation assignment && assignment.Target == member)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first string literal passed to the creation (or to the builder it is called on): the connection string.</summary>
    public static SyntaxNode? FindConnectionStringLiteral(IOperation creation)
    {
        for (var current = creation; current is not null;)
        {
            var arguments = current switch
            {
                IObjectCreationOperation objectCreation => objectCreation.Arguments,
                IInvocationOperation invocation => invocation.Arguments,
                _ => default,
            };
            if (!arguments.IsDefaultOrEmpty)
            {
                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.Explicit
                        && Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string } } literal
                        && literal.Syntax.Span.Length > 0)
                    {
                        return literal.Syntax;
                    }
                }
            }

            current = current is IInvocationOperation { Instance: { } instance } ? Unwrap(instance) : null;
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// A static field or property, or one of the handler instance (<c>this</c>), which the generated entry point creates
    /// once per execution environment. A member of an object the invocation received is not.
    /// </summary>
    private static bool IsPersistent(IOperation target) => target switch
    {
        IFieldReferenceOperation field => field.Field.IsStatic || field.Instance is IInstanceReferenceOperation,
        IPropertyReferenceOperation property => property.Property.IsStatic || property.Instance is IInstanceReferenceOperation,
        _ => false,
    };

    private static ISymbol? MemberOf(IOperation target) => target switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>Whether an enclosing <c>if</c> (or conditional expression) tests the assigned member.</summary>
    private static bool IsGuardedBy(IOperation assignment, ISymbol member)
    {
        for (var parent = assignment.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalOperation { Condition: { } condition } && References(condition, member))
            {
                return true;
            }
        }

        return false;
    }

    private static bool References(IOperation operation, ISymbol member)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (MemberOf(descendant) is { } referenced && SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, member.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCachingCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (method.Name == "EnsureInitialized" && type.Name == "LazyInitializer" && type.ContainingNamespace?.ToDisplayString() == "System.Threading")
        {
            return true;
        }

        return method.Name is "GetOrAdd" or "AddOrUpdate"
            && type.OriginalDefinition.MetadataName == "ConcurrentDictionary`2"
            && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent"
            && invocation.Instance is { } instance && IsPersistent(Unwrap(instance));
    }

    private static bool DependsOnContext(IOperation creation)
    {
        var span = creation.Syntax.Span;
        if (HasMethodTypeParameter(creation.Type))
        {
            return true;
        }

        foreach (var operation in creation.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when !DeclaredWithin(local.Local, span):
                case IParameterReferenceOperation parameter when !DeclaredWithin(parameter.Parameter, span):
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                case IAwaitOperation:
                    return true;
            }

            if (HasMethodTypeParameter(operation.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaredWithin(ISymbol symbol, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (!span.Contains(reference.Span))
            {
                return false;
            }
        }

        return symbol.DeclaringSyntaxReferences.Length > 0;
    }

    private static bool HasMethodTypeParameter(ITypeSymbol? type) => type switch
    {
        null => false,
        ITypeParameterSymbol parameter => parameter.TypeParameterKind == TypeParameterKind.Method,
        IArrayTypeSymbol array => HasMethodTypeParameter(array.ElementType),
        INamedTypeSymbol named => Any(named),
        _ => false,
    };

    private static bool Any(INamedTypeSymbol named)
    {
        foreach (var argument in named.TypeArguments)
        {
            if (HasMethodTypeParameter(argument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>using var x = new ...</c>, <c>using (new ...)</c>, <c>await using ...</c>.</summary>
    private static bool IsDisposedInPlace(IOperation creation)
    {
        var child = creation;
        for (var parent = creation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IUsingDeclarationOperation:
                    return true;
                case IUsingOperation @using when @using.Resources == child:
                    return true;
                case IBlockOperation:
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The local the creation is stored in: <c>var x = new ...</c> or <c>x = new ...</c>.</summary>
    private static ILocalSymbol? AssignedLocal(IOperation creation)
    {
        var current = creation;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current => local.Local,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the code treats the instance in <paramref name="local"/> as its own: disposes or closes it, opens a
    /// connection (a shared open connection fails the next Open), sets its properties or HttpClient's default headers.
    /// </summary>
    private static bool IsUsedAsPerRequestResource(ILocalSymbol local, IOperation root, FindingKind kind)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            var parent = reference.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IUsingOperation:
                    return true;
                case IInvocationOperation invocation when invocation.Instance is not null:
                    switch (invocation.TargetMethod.Name)
                    {
                        case "Dispose" or "DisposeAsync" or "Close" or "CloseAsync":
                            return true;
                        case "Open" or "OpenAsync" or "ChangeDatabase" or "ChangeDatabaseAsync" when kind == FindingKind.Relational:
                            return true;
                    }

                    break;
                case IMemberReferenceOperation member when member.Instance is not null:
                    if (member.Parent is IAssignmentOperation assignment && assignment.Target == member)
                    {
                        return true;
                    }

                    if (kind == FindingKind.HttpClient && member.Member.Name == "DefaultRequestHeaders")
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
