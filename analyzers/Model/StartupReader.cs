using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>What <see cref="StartupReader.Read"/> found.</summary>
/// <param name="Spec">The startup, or null when it cannot be used.</param>
/// <param name="Diagnostics">SLS1013 when it cannot be used.</param>
/// <param name="Location">The class identifier.</param>
/// <param name="DisplayName">The class name for messages.</param>
public sealed record StartupReadResult(StartupSpec? Spec, ImmutableArray<ModelDiagnostic> Diagnostics, LocationInfo? Location, string DisplayName);

/// <summary>Reads a <c>[LambdaStartup]</c> class.</summary>
public static class StartupReader
{
    public static StartupReadResult Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var location = type.FirstLocation();
        var display = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        cancellationToken.ThrowIfCancellationRequested();

        var configure = type.GetMembers("ConfigureServices").OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.DeclaredAccessibility == Accessibility.Public
            && m.ReturnsVoid
            && !m.IsGenericMethod
            && m.Parameters.Length == 1
            && m.Parameters[0].RefKind == RefKind.None
            && m.Parameters[0].Type.Is(KnownNames.IServiceCollection));

        string? reason = null;
        if (type.TypeKind != TypeKind.Class)
        {
            reason = "is not a class";
        }
        else if (type.TypeParameters.Length > 0 || type.ContainingTypesOutward().Any(t => t.TypeParameters.Length > 0))
        {
            reason = "is generic";
        }
        else if (!SymbolHelpers.IsAccessibleFromAssembly(type.DeclaredAccessibility)
            || type.ContainingTypesOutward().Any(t => !SymbolHelpers.IsAccessibleFromAssembly(t.DeclaredAccessibility)))
        {
            reason = "is not accessible; make it public or internal";
        }
        else if (configure is null)
        {
            reason = "lacks a public method 'void ConfigureServices(IServiceCollection services)'";
        }
        else if (!configure.IsStatic)
        {
            if (type.IsAbstract || type.IsStatic)
            {
                reason = "is abstract or static, so its ConfigureServices cannot be called";
            }
            else if (!type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0))
            {
                reason = "has no public parameterless constructor";
            }
        }

        if (reason is not null)
        {
            bag.Add(DiagnosticDescriptors.InvalidStartup, location, display, reason);
            return new StartupReadResult(null, bag.ToImmutable(), location, display);
        }

        return new StartupReadResult(new StartupSpec(TypeRef.From(type), configure!.IsStatic), bag.ToImmutable(), location, display);
    }
}
