using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads a class-level <c>[LambdaFunction]</c> into one <see cref="FunctionSpec"/> whose <see cref="FunctionSpec.Endpoints"/>
/// are the class's public <c>[HttpApi]</c>/<c>[RestApi]</c> methods (partial parts included, in source order). Settings come
/// from the class attribute and its class chain, as a method function's do; each endpoint's signature is read by the same
/// code as a method function's, so SLS1001-SLS1005 and SLS3001-SLS3006 are reported at the endpoint. SLS3020 (nothing
/// to serve), SLS3022 (a routed method that is not public) and SLS3023 (a per-function attribute on an endpoint) are its own.
/// </summary>
public static class ClassFunctionReader
{
    /// <summary>Reads the class function with the locations of its parts (the analyzers' mode).</summary>
    public static FunctionReadResult Read(INamedTypeSymbol type, AttributeData lambdaFunction, CancellationToken cancellationToken) =>
        Read(type, lambdaFunction, captureLocations: true, cancellationToken);

    /// <summary>
    /// Reads the class function; without <paramref name="captureLocations"/> as <see cref="FunctionReader.Read(IMethodSymbol, AttributeData, bool, CancellationToken)"/>.
    /// <paramref name="completeHttp"/>, when given, adds what only the generator needs (the OpenAPI facts) to each endpoint's HTTP spec.
    /// </summary>
    public static FunctionReadResult Read(
        INamedTypeSymbol type,
        AttributeData lambdaFunction,
        bool captureLocations,
        CancellationToken cancellationToken,
        Func<IMethodSymbol, HttpSpec, HttpSpec>? completeHttp = null)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        var bag = new DiagnosticBag();
        var locations = FunctionLocations.None;
        LocationInfo? classLocation = null;
        if (captureLocations)
        {
            classLocation = ClassLocation(lambdaFunction, cancellationToken) ?? type.FirstLocation();
            locations = new FunctionLocations(classLocation, lambdaFunction?.NamedArgumentLocation("Name", cancellationToken), null, default, default);
        }

        var (settings, settingLocations) = FunctionReader.ReadSettings(type, lambdaFunction, captureLocations, cancellationToken);
        if (captureLocations)
        {
            locations = settingLocations(locations);
        }

        var display = type.Name;

        // SLS1003 / SLS1004 for the class and its containers; each endpoint checks its own method.
        if (type.TypeParameters.Length > 0 || type.ContainingTypesOutward().Any(t => t.TypeParameters.Length > 0))
        {
            bag.Add(DiagnosticDescriptors.GenericHandler, classLocation, display);
        }

        foreach (var container in new[] { type }.Concat(type.ContainingTypesOutward()))
        {
            if (!SymbolHelpers.IsAccessibleFromAssembly(container.DeclaredAccessibility))
            {
                var reason = container.Equals(type, SymbolEqualityComparer.Default)
                    ? "it is " + SymbolHelpers.Describe(container.DeclaredAccessibility) + "; make it public or internal"
                    : "its containing type '" + container.Name + "' is " + SymbolHelpers.Describe(container.DeclaredAccessibility);
                bag.Add(DiagnosticDescriptors.InaccessibleHandler, classLocation, display, reason);
                break;
            }
        }

        // Name: SLS1007, SLS1008.
        var name = DefaultName(type);
        if (lambdaFunction?.NamedArgument("Name") is { IsNull: false, Value: string written })
        {
            name = written;
        }

        var nameLocation = locations.NameArgument ?? classLocation;
        if (!FunctionReader.IsValidLogicalId(name))
        {
            bag.Add(DiagnosticDescriptors.InvalidLogicalId, nameLocation, name);
        }
        else if (name.Length > AwsLimits.HandlerMaxLength)
        {
            bag.Add(DiagnosticDescriptors.HandlerStringTooLong, nameLocation, name, name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The endpoints: public ordinary methods with routes, in source order (partial parts by file, then position).
        var usable = true;
        var endpoints = ImmutableArray.CreateBuilder<EndpointSpec>();
        var endpointLocations = ImmutableArray.CreateBuilder<FunctionLocations>();
        var anyInstance = false;
        var routedButHidden = 0;
        var ambiguous = 0;
        foreach (var method in RoutedMethods(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var methodLocation = captureLocations ? method.FirstLocation() : null;
            if (method.HasAttribute(KnownNames.LambdaFunctionAttribute))
            {
                ambiguous++;
                continue;   // SLS3021, reported by the method's own read.
            }

            if (method.DeclaredAccessibility != Accessibility.Public)
            {
                // SLS3022: API Gateway would get routes nobody serves if they were listed; they are not.
                bag.Add(DiagnosticDescriptors.RoutedMethodNotServed, methodLocation, method.Name, SymbolHelpers.Describe(method.DeclaredAccessibility), display);
                routedButHidden++;
                continue;
            }

            var handler = type.Name + "." + method.Name;
            // SLS3023: per-function attributes on an endpoint are not the function's (the class's are).
            foreach (var attribute in method.GetAttributes())
            {
                var setting = attribute.IsAttribute(KnownNames.EnvironmentAttribute) ? "Environment"
                    : attribute.IsAttribute(KnownNames.RdsProxyAttribute) ? "RdsProxy"
                    : attribute.IsAttribute(KnownNames.LambdaEdgeAttribute) ? "LambdaEdge"
                    : null;
                if (setting is not null)
                {
                    var location = captureLocations ? LocationInfo.From(attribute.ApplicationSyntaxReference) ?? methodLocation : null;
                    bag.Add(DiagnosticDescriptors.SettingOnEndpoint, location, setting, handler, display,
                        setting == "LambdaEdge" ? "a Lambda@Edge function is a [LambdaFunction] method of its own" : "put it on the class");
                }
            }

            if (method.IsGenericMethod)
            {
                bag.Add(DiagnosticDescriptors.GenericHandler, methodLocation, handler);
            }

            var methodLocations = FunctionLocations.None;
            LocationInfo? returnTypeLocation = null;
            if (captureLocations)
            {
                returnTypeLocation = FunctionReader.ReturnTypeLocation(method, cancellationToken) ?? methodLocation;
                var parameterLocations = method.Parameters.Select(p => p.FirstLocation() ?? methodLocation).Where(l => l is not null).Select(l => l!).ToEquatableArray();
                methodLocations = new FunctionLocations(methodLocation, null, returnTypeLocation, parameterLocations, default);
            }

            var signature = FunctionReader.ReadSignature(method, handler, methodLocations, returnTypeLocation, captureLocations, bag, cancellationToken);
            usable &= signature.Usable && signature.Return is not null;
            endpointLocations.Add(signature.Locations);
            if (signature.Return is { } returnSpec && signature.Http is { } http)
            {
                endpoints.Add(new EndpointSpec(method.Name, type.QualifiedName() + "." + method.Name, method.IsStatic, signature.Parameters, returnSpec,
                    completeHttp is null ? http : completeHttp(method, http)));
                anyInstance |= !method.IsStatic;
            }
        }

        if (captureLocations)
        {
            locations = locations with { Endpoints = endpointLocations.ToImmutable() };
        }

        // SLS3020: nothing to serve (unless methods that would be endpoints carry their own [LambdaFunction]: SLS3021 says so).
        if (endpointLocations.Count == 0)
        {
            if (ambiguous > 0)
            {
                return new FunctionReadResult(null, bag.ToImmutable(), locations) { Settings = settings, Name = name };
            }

            bag.Add(DiagnosticDescriptors.ClassFunctionWithoutRoutes, classLocation, display,
                routedButHidden > 0 ? "its routed methods are not public" : "none of its public methods carries [HttpApi] or [RestApi]");
            return new FunctionReadResult(null, bag.ToImmutable(), locations) { Settings = settings, Name = name };
        }

        // SLS1017 and constructor dependencies, when an endpoint needs an instance.
        var constructorParameters = ImmutableArray<ServiceDependency>.Empty;
        if (anyInstance)
        {
            var (dependencies, ctorLocations, ok) = FunctionReader.ReadConstructor(type, display, classLocation, captureLocations, bag);
            usable &= ok;
            constructorParameters = dependencies;
            if (captureLocations)
            {
                locations = locations with { ConstructorParameters = ctorLocations };
            }
        }

        if (!usable || bag.HasErrors || endpoints.Count != endpointLocations.Count)
        {
            return new FunctionReadResult(null, bag.ToImmutable(), locations) { Settings = settings, Name = name };
        }

        var spec = new FunctionSpec(
            name,
            TypeRef.From(type),
            "",
            type.QualifiedName(),
            !anyInstance,
            constructorParameters,
            default,
            new ReturnSpec(ReturnKind.Void, ResultKind.None, null, false),
            settings)
        {
            Endpoints = endpoints.ToImmutable(),
        };
        return new FunctionReadResult(spec, bag.ToImmutable(), locations) { Settings = settings, Name = name };
    }

    /// <summary>Outer type names and the type name, concatenated (<c>ShopInventoryApi</c>).</summary>
    public static string DefaultName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        foreach (var outer in type.ContainingTypesOutward().Reverse())
        {
            builder.Append(outer.Name);
        }

        return builder.Append(type.Name).ToString();
    }

    /// <summary>Whether <paramref name="method"/> is an endpoint of a class function: public, ordinary, routed, in a <c>[LambdaFunction]</c> class.</summary>
    public static bool IsEndpoint(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public
        && method.ContainingType is { } type && type.HasAttribute(KnownNames.LambdaFunctionAttribute)
        && !method.HasAttribute(KnownNames.LambdaFunctionAttribute) && HttpReader.HasRoutes(method);

    /// <summary>The ordinary methods of <paramref name="type"/> carrying routes, in source order.</summary>
    private static IOrderedEnumerable<IMethodSymbol> RoutedMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && HttpReader.HasRoutes(m))
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);

    /// <summary>The identifier of the class declaration that carries the attribute (a partial class has several).</summary>
    private static LocationInfo? ClassLocation(AttributeData? attribute, CancellationToken cancellationToken) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration
            ? LocationInfo.From(declaration.Identifier)
            : null;
}
