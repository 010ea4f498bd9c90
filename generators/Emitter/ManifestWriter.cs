using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>Writes the manifest JSON (docs/design/contracts.md): camelCase, fields omitted when unset, resolved values.</summary>
internal static class ManifestWriter
{
    public static string Write(AppSpec? app, IReadOnlyList<FunctionSpec> functions, JsonContextSpec? jsonContext = null)
    {
        var schemas = OpenApiSchemaWriter.Create(functions, jsonContext);
        var json = new StringBuilder();
        json.Append("{\"version\":1,\"app\":{");
        var first = true;
        Property(json, ref first, "name", Literals.JsonString(app?.Name ?? "app"));
        Property(json, ref first, "runtime", Literals.JsonString(app?.Runtime ?? KnownNames.DefaultRuntime));
        if (app is not null && !app.Tags.IsEmpty)
        {
            Property(json, ref first, "tags", Map(app.Tags));
        }

        json.Append("},\"functions\":[");
        for (var i = 0; i < functions.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            WriteFunction(json, functions[i], functions[i].ResolveSettings(app), app, schemas);
        }

        json.Append(']');
        // The named schemas the routes' OpenAPI facts reference.
        if (schemas.HasHttp)
        {
            json.Append(",\"schemas\":").Append(schemas.WriteSchemas());
        }

        // Authorizers, CORS and the API options: the template's HttpApi/RestApi resources.
        json.Append(ApiManifestWriter.RootProperties(app));
        json.Append('}');
        return json.ToString();
    }

    private static void WriteFunction(StringBuilder json, FunctionSpec function, FunctionSettings settings, AppSpec? app, OpenApiSchemaWriter schemas)
    {
        json.Append('{');
        var first = true;
        Property(json, ref first, "name", Literals.JsonString(function.Name));
        Property(json, ref first, "handler", Literals.JsonString(function.Name));
        Property(json, ref first, "method", Literals.JsonString(function.MethodDisplayName));
        OptionalString(json, ref first, "runtime", settings.Runtime);
        OptionalString(json, ref first, "architecture", settings.Architecture);
        OptionalInt(json, ref first, "memorySize", settings.MemorySize);
        OptionalInt(json, ref first, "timeout", settings.Timeout);
        OptionalInt(json, ref first, "ephemeralStorage", settings.EphemeralStorage);
        OptionalInt(json, ref first, "reservedConcurrency", settings.ReservedConcurrency);
        OptionalString(json, ref first, "tracing", settings.Tracing);
        OptionalString(json, ref first, "role", settings.Role);
        if (!settings.Policies.IsEmpty)
        {
            Property(json, ref first, "policies", "[" + string.Join(",", settings.Policies.Select(Literals.JsonString)) + "]");
        }

        OptionalString(json, ref first, "description", settings.Description);
        // The variables as deployed (a reference's variable holds its parameter name or secret id), and which are references.
        var environment = EnvironmentModel.Deployed(settings);
        if (!environment.IsEmpty)
        {
            Property(json, ref first, "environment", Map(environment));
        }

        foreach (var (name, kind) in new[] { ("parameterReferences", EnvironmentValueKind.Parameter), ("secretReferences", EnvironmentValueKind.Secret) })
        {
            var references = settings.EnvironmentReferences.Where(r => r.Kind == kind).Select(r => new KeyValue(r.Key, r.Name)).ToEquatableArray();
            if (!references.IsEmpty)
            {
                Property(json, ref first, name, Map(references));
            }
        }

        // [RdsProxy]: the template gives the variable the proxy's endpoint and grants rds-db:connect on the proxy.
        if (settings.RdsProxy is { } proxy)
        {
            Property(json, ref first, "rdsProxy",
                "{\"name\":" + Literals.JsonString(proxy.ProxyName) + ",\"endpointVariable\":" + Literals.JsonString(proxy.EndpointVariable) + "}");
        }

        if (!settings.Tags.IsEmpty)
        {
            Property(json, ref first, "tags", Map(settings.Tags));
        }

        if (settings.EdgeEvents != EdgeEvents.None)
        {
            Property(json, ref first, "edge", "[" + string.Join(",", settings.EdgeEvents.EventTypeNames().Select(Literals.JsonString)) + "]");
        }

        // [HttpApi]/[RestApi]: one entry per route (a class function: every endpoint's), for the template's events and
        // the OpenAPI document.
        if (function.Routes.Any())
        {
            var entries = new StringBuilder("[");
            foreach (var endpoint in function.Handlers)
            {
                foreach (var route in endpoint.Http?.Routes ?? default)
                {
                    entries.Append(entries.Length > 1 ? "," : "");
                    HttpRouteManifestWriter.Write(entries, route, endpoint.Http!, function.IsClassFunction ? endpoint.MethodName : null, app, schemas);
                }
            }

            Property(json, ref first, "http", entries.Append(']').ToString());
        }

        json.Append('}');
    }

    private static string Map(EquatableArray<KeyValue> values) =>
        "{" + string.Join(",", values.Select(kv => Literals.JsonString(kv.Key) + ":" + Literals.JsonString(kv.Value))) + "}";

    private static void OptionalString(StringBuilder json, ref bool first, string name, string? value)
    {
        if (value is not null)
        {
            Property(json, ref first, name, Literals.JsonString(value));
        }
    }

    private static void OptionalInt(StringBuilder json, ref bool first, string name, int? value)
    {
        if (value is int v)
        {
            Property(json, ref first, name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Property(StringBuilder json, ref bool first, string name, string rawValue)
    {
        if (!first)
        {
            json.Append(',');
        }

        first = false;
        json.Append('"').Append(name).Append("\":").Append(rawValue);
    }
}
