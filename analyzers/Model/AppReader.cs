using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>What <see cref="AppReader.Read"/> found.</summary>
/// <param name="Spec">The app (never null).</param>
/// <param name="Diagnostics">Always empty today; kept for symmetry with the other readers.</param>
/// <param name="JsonContextArgument">The <c>JsonContext = typeof(...)</c> expression, when written.</param>
/// <param name="NamedJsonContextDisplayName">The named context's display name, when set.</param>
public sealed record AppReadResult(AppSpec Spec, ImmutableArray<ModelDiagnostic> Diagnostics, LocationInfo? JsonContextArgument, string? NamedJsonContextDisplayName)
{
    /// <summary>The <c>Timeout = ...</c> expression of <c>[assembly: ServerlessApp]</c>, when written.</summary>
    public LocationInfo? TimeoutArgument { get; init; }

    /// <summary>The <c>MemorySize = ...</c> expression of <c>[assembly: ServerlessApp]</c>, when written.</summary>
    public LocationInfo? MemorySizeArgument { get; init; }

    /// <summary>The assembly's API attributes as read, with their diagnostics and locations (<see cref="ApiReader"/>).</summary>
    public ApiReadResult Api { get; init; } = ApiReadResult.None;
}

/// <summary>Reads <c>[assembly: ServerlessApp]</c> and assembly-level <c>[Environment]</c>.</summary>
public static class AppReader
{
    public static AppReadResult Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var assembly = compilation.Assembly;
        var attributes = assembly.GetAttributes();
        cancellationToken.ThrowIfCancellationRequested();
        var app = attributes.FirstOrDefault(a => a.IsAttribute(KnownNames.ServerlessAppAttribute));
        var environment = SymbolHelpers.ReadEnvironment(attributes);
        var assemblyName = compilation.AssemblyName ?? assembly.Name ?? "app";
        var api = ApiReader.Read(attributes, captureLocations: true, cancellationToken);

        if (app is null)
        {
            var none = new AppSpec(assemblyName, null, null, 0, 0, null, default, environment, false, null)
            {
                EnvironmentReferences = EnvironmentReader.ReadReferences(attributes),
                RdsProxy = RdsProxyReader.Read(attributes),
                Api = api.Spec,
            };
            return new AppReadResult(none, ImmutableArray<ModelDiagnostic>.Empty, null, null) { Api = api };
        }

        var tags = new List<EquatableArray<KeyValue>>();
        foreach (var tag in app.NamedStringArray("Tags") ?? Array.Empty<string>())
        {
            var equals = tag.IndexOf('=');
            if (equals > 0)
            {
                tags.Add(EquatableArray.Create(new KeyValue(tag.Substring(0, equals).Trim(), tag.Substring(equals + 1).Trim())));
            }
        }

        JsonContextSpec? named = null;
        string? namedDisplay = null;
        LocationInfo? namedLocation = null;
        if (app.NamedArgument("JsonContext") is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol contextType } && !contextType.ContainsErrors())
        {
            named = JsonContextReader.Read(contextType, cancellationToken).Spec;
            namedDisplay = contextType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            namedLocation = app.NamedArgumentLocation("JsonContext", cancellationToken);
        }

        var name = app.ConstructorString(0) is { Length: > 0 } n ? n : assemblyName;
        var spec = new AppSpec(
            name,
            app.NamedString("Runtime") is { Length: > 0 } runtime ? runtime : null,
            SymbolHelpers.ArchitectureName(app.NamedInt("Architecture")),
            app.NamedInt("MemorySize") ?? 0,
            app.NamedInt("Timeout") ?? 0,
            SymbolHelpers.TracingName(app.NamedInt("Tracing")),
            FunctionSettings.Merge(tags.ToArray()),
            environment,
            true,
            named)
        {
            EnvironmentReferences = EnvironmentReader.ReadReferences(attributes),
            RdsProxy = RdsProxyReader.Read(attributes),
            Api = api.Spec,
        };
        return new AppReadResult(spec, ImmutableArray<ModelDiagnostic>.Empty, namedLocation, namedDisplay)
        {
            TimeoutArgument = app.NamedArgumentLocation("Timeout", cancellationToken),
            MemorySizeArgument = app.NamedArgumentLocation("MemorySize", cancellationToken),
            Api = api,
        };
    }
}
