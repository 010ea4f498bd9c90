using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers;

/// <summary>What a creation or blocking call is, for the message and the fix.</summary>
internal enum FindingKind
{
    /// <summary>A <c>DbConnection</c> or <c>DbDataSource</c> (SLS2001, RDS Proxy advice).</summary>
    Relational,

    /// <summary><c>MongoClient</c> (SLS2001).</summary>
    Mongo,

    /// <summary><c>ConnectionMultiplexer.Connect</c>/<c>ConnectAsync</c> (SLS2001).</summary>
    Redis,

    /// <summary>SLS2002.</summary>
    HttpClient,

    /// <summary>SLS2003.</summary>
    AwsClient,

    /// <summary>SLS2004.</summary>
    Blocking,
}

/// <summary>One thing found in a member's body. Compared by reference: each is reported once.</summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor descriptor, FindingKind kind, Location location, string subject, ImmutableDictionary<string, string?> properties)
    {
        Descriptor = descriptor;
        Kind = kind;
        Location = location;
        Subject = subject;
        Properties = properties;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public FindingKind Kind { get; }

    public Location Location { get; }

    public string Subject { get; }

    public ImmutableDictionary<string, string?> Properties { get; }
}

/// <summary>The types the rules match, resolved once per compilation by metadata name (never by simple name).</summary>
internal sealed class HandlerCodeTypes
{
    private HandlerCodeTypes(Compilation compilation)
    {
        DbConnection = compilation.GetTypeByMetadataName("System.Data.Common.DbConnection");
        DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
        MongoClient = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClient");
        ConnectionMultiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        AmazonServiceClient = compilation.GetTypeByMetadataName("Amazon.Runtime.AmazonServiceClient");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        LazyInitializer = compilation.GetTypeByMetadataName("System.Threading.LazyInitializer");
        ConcurrentDictionary = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2");

        var awaiters = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in new[]
                 {
                     "System.Runtime.CompilerServices.TaskAwaiter",
                     "System.Runtime.CompilerServices.TaskAwaiter`1",
                     "System.Runtime.CompilerServices.ValueTaskAwaiter",
                     "System.Runtime.CompilerServices.ValueTaskAwaiter`1",
                     "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter",
                     "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter",
                     "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter",
                     "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter",
                 })
        {
            if (compilation.GetTypeByMetadataName(name) is { } awaiter)
            {
                awaiters.Add(awaiter);
            }
        }

        Awaiters = awaiters.ToImmutable();
    }

    public INamedTypeSymbol? DbConnection { get; }

    public INamedTypeSymbol? DbDataSource { get; }

    public INamedTypeSymbol? MongoClient { get; }

    public INamedTypeSymbol? ConnectionMultiplexer { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? AmazonServiceClient { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? LazyInitializer { get; }

    public INamedTypeSymbol? ConcurrentDictionary { get; }

    public ImmutableHashSet<INamedTypeSymbol> Awaiters { get; }

    /// <summary>Whether any rule can match in this compilation (Task always exists; this guards odd reference sets).</summary>
    public bool AnyRule => Task is not null || DbConnection is not null || HttpClient is not null || AmazonServiceClient is not null
        || MongoClient is not null || ConnectionMultiplexer is not null;

    public static HandlerCodeTypes Create(Compilation compilation) => new(compilation);

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Walks one member's operation blocks (lambdas and local functions included): records the findings of SLS2001-2004
/// and the members of the handler type that the code calls or references.
/// </summary>
internal sealed class HandlerCodeFinder
{
    private readonly HandlerCodeTypes _types;
    private readonly INamedTypeSymbol _handlerType;
    private readonly CancellationToken _cancellationToken;

    public HandlerCodeFinder(HandlerCodeTypes types, INamedTypeSymbol handlerType, CancellationToken cancellationToken)
    {
        _types = types;
        _handlerType = handlerType;
        _cancellationToken = cancellationToken;
    }

    public List<Finding> Findings { get; } = new();

    public HashSet<ISymbol> Callees { get; } = new(SymbolEqualityComparer.Default);

    public void Visit(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    OnCreation(creation, root);
                    break;
                case IInvocationOperation invocation:
                    AddCallee(invocation.TargetMethod);
                    OnInvocation(invocation, root);
                    break;
                case IMethodReferenceOperation reference:
                    AddCallee(reference.Method);
                    break;
                case IPropertyReferenceOperation property:
                    AddCallee(property.Property);
                    if (property.Property.GetMethod is { } getter)
                    {
                        AddCallee(getter);
                    }

                    if (property.Property.SetMethod is { } setter)
                    {
                        AddCallee(setter);
                    }

                    OnProperty(property);
                    break;
            }
        }
    }

    private void AddCallee(ISymbol symbol)
    {
        if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, _handlerType))
        {
            Callees.Add(HandlerCodeAnalyzer.Key(symbol));
        }
    }

    private void OnCreation(IObjectCreationOperation creation, IOperation root)
    {
        var type = creation.Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        if (HandlerCodeTypes.InheritsFrom(type, _types.DbConnection) || HandlerCodeTypes.InheritsFrom(type, _types.DbDataSource))
        {
            AddClient(creation, root, DiagnosticDescriptors.PerRequestDatabaseConnection, FindingKind.Relational, type);
        }
        else if (HandlerCodeTypes.InheritsFrom(type, _types.MongoClient))
        {
            AddClient(creation, root, DiagnosticDescriptors.PerRequestDatabaseConnection, FindingKind.Mongo, type);
        }
        else if (HandlerCodeTypes.InheritsFrom(type, _types.HttpClient))
        {
            AddClient(creation, root, DiagnosticDescriptors.PerRequestHttpClient, FindingKind.HttpClient, type);
        }
        else if (HandlerCodeTypes.InheritsFrom(type, _types.AmazonServiceClient))
        {
            AddClient(creation, root, DiagnosticDescriptors.PerRequestAwsClient, FindingKind.AwsClient, type);
        }
    }

    private void OnInvocation(IInvocationOperation invocation, IOperation root)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;

        // ConnectionMultiplexer.Connect(...) / ConnectAsync(...)
        if (method.IsStatic && method.Name is "Connect" or "ConnectAsync"
            && HandlerCodeTypes.InheritsFrom(containing, _types.ConnectionMultiplexer))
        {
            var subject = _types.ConnectionMultiplexer!.Name;
            AddClient(invocation, root, DiagnosticDescriptors.PerRequestDatabaseConnection, FindingKind.Redis, subject);
            return;
        }

        // Building a DbDataSource: NpgsqlDataSource.Create(...), builder.Build(), factory.CreateDataSource(...).
        // Members of the handler type are followed instead (they may return a cached source), and so are generic
        // methods returning their type parameter (GetRequiredService<NpgsqlDataSource>() looks one up).
        if (_types.DbDataSource is not null
            && HandlerCodeTypes.InheritsFrom(method.ReturnType, _types.DbDataSource)
            && method.OriginalDefinition.ReturnType.TypeKind != TypeKind.TypeParameter
            && !SymbolEqualityComparer.Default.Equals(containing, _handlerType)
            && ((method.IsStatic && HandlerCodeTypes.InheritsFrom(containing, _types.DbDataSource))
                || method.Name.StartsWith("Build", System.StringComparison.Ordinal)
                || method.Name.StartsWith("Create", System.StringComparison.Ordinal)))
        {
            AddClient(invocation, root, DiagnosticDescriptors.PerRequestDatabaseConnection, FindingKind.Relational, method.ReturnType);
            return;
        }

        // task.Wait(...)
        if (!method.IsStatic && method.Name == "Wait"
            && (SymbolEqualityComparer.Default.Equals(containing, _types.Task) || SymbolEqualityComparer.Default.Equals(containing, _types.TaskOfT)))
        {
            AddBlocking(invocation, ".Wait()");
            return;
        }

        // task.GetAwaiter().GetResult(), also after ConfigureAwait(false)
        if (!method.IsStatic && method.Name == "GetResult" && containing is not null && _types.Awaiters.Contains(containing))
        {
            AddBlocking(invocation, ".GetAwaiter().GetResult()");
        }
    }

    private void OnProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.IsStatic || property.Name != "Result")
        {
            return;
        }

        var containing = property.ContainingType?.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(containing, _types.TaskOfT) || SymbolEqualityComparer.Default.Equals(containing, _types.ValueTaskOfT))
        {
            AddBlocking(reference, ".Result");
        }
    }

    private void AddBlocking(IOperation operation, string subject) =>
        Findings.Add(new Finding(
            DiagnosticDescriptors.BlockingOnAsync,
            FindingKind.Blocking,
            operation.Syntax.GetLocation(),
            subject,
            ImmutableDictionary<string, string?>.Empty));

    private void AddClient(IOperation creation, IOperation root, DiagnosticDescriptor descriptor, FindingKind kind, ITypeSymbol type) =>
        AddClient(creation, root, descriptor, kind, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));

    private void AddClient(IOperation creation, IOperation root, DiagnosticDescriptor descriptor, FindingKind kind, string subject)
    {
        if (Hoisting.IsCached(creation))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var database = kind is FindingKind.Relational or FindingKind.Mongo or FindingKind.Redis;
        if (Hoisting.CanHoist(creation, root, kind))
        {
            properties = properties.Add(HandlerCodePropertyNames.Hoist, database ? HandlerCodePropertyNames.HoistLazy : HandlerCodePropertyNames.HoistStatic);
        }

        if (database && Hoisting.CanInject(creation, root, kind, _types) is { } inject)
        {
            properties = properties.Add(HandlerCodePropertyNames.Inject, inject);
        }

        if (database && !properties.IsEmpty && Hoisting.FindConnectionStringLiteral(creation) is { } literal)
        {
            var variable = kind switch
            {
                FindingKind.Mongo => "MONGODB_CONNECTION_STRING",
                FindingKind.Redis => "REDIS_CONNECTION_STRING",
                _ => "DB_CONNECTION_STRING",
            };
            properties = properties
                .Add(HandlerCodePropertyNames.EnvironmentVariable, variable)
                .Add(HandlerCodePropertyNames.LiteralOffset, (literal.Span.Start - creation.Syntax.SpanStart).ToString(CultureInfo.InvariantCulture))
                .Add(HandlerCodePropertyNames.LiteralLength, literal.Span.Length.ToString(CultureInfo.InvariantCulture));
        }

        Findings.Add(new Finding(descriptor, kind, creation.Syntax.GetLocation(), subject, properties));
    }
}
