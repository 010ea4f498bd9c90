using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Model;

namespace Serverless.CodeFixes.Injection;

/// <summary>The app's one <c>[LambdaStartup]</c> class and its <c>ConfigureServices(IServiceCollection services)</c>, in source.</summary>
internal sealed class StartupClass
{
    private StartupClass(INamedTypeSymbol type, IMethodSymbol configureServices, MethodDeclarationSyntax declaration)
    {
        Type = type;
        ConfigureServices = configureServices;
        Declaration = declaration;
    }

    public INamedTypeSymbol Type { get; }

    public IMethodSymbol ConfigureServices { get; }

    /// <summary>The declaration with a body (block or expression) that registrations are added to.</summary>
    public MethodDeclarationSyntax Declaration { get; }

    public string ServicesParameter => ConfigureServices.Parameters[0].Name;

    /// <summary>The startup, or null when the app has none, several (SLS1012), or one without a usable ConfigureServices in source.</summary>
    public static StartupClass? Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var attribute = compilation.GetTypeByMetadataName(KnownNames.LambdaStartupAttribute);
        var services = compilation.GetTypeByMetadataName(KnownNames.IServiceCollection);
        if (attribute is null || services is null)
        {
            return null;
        }

        StartupClass? found = null;
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            {
                continue;
            }

            if (found is not null)
            {
                return null;   // several startups: SLS1012 first
            }

            var configure = type.GetMembers("ConfigureServices").OfType<IMethodSymbol>().FirstOrDefault(m =>
                m.ReturnsVoid && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, services));
            var declaration = configure?.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(m => m.Body is not null || m.ExpressionBody is not null);
            if (configure is null || declaration is null)
            {
                return null;
            }

            found = new StartupClass(type, configure, declaration);
        }

        return found;
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in SourceTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                yield return type;
                foreach (var nested in Nested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            yield return nested;
            foreach (var inner in Nested(nested))
            {
                yield return inner;
            }
        }
    }
}
