using System.Collections.Generic;
using System.Linq;
using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>
/// The HTTP parts of a function with <c>[HttpApi]</c>/<c>[RestApi]</c> routes (docs/design/contracts.md, HTTP): the
/// handler closure built once in the definition's factory, the <c>Routes</c> of the definition, and the route
/// wrapper <c>HandleAsync</c> that binds every parameter into one <c>BindingErrors</c>, validates, calls the method and
/// maps its result. Sees only specs.
/// </summary>
internal static class HttpEmitter
{
    private const string Runtime = "global::Serverless.Runtime.";
    private const string Http = "global::Serverless.Runtime.Http.";
    private const string Binder = Http + "HttpBinder.";
    private const string Validation = Http + "HttpValidation.";
    private const string Results = "global::Serverless.HttpResults.";
    private const string ResultType = "global::Serverless.IHttpResult";
    private const string ValueTaskOfResult = "global::System.Threading.Tasks.ValueTask<" + ResultType + ">";

    /// <summary>The end of the definition's factory: the route handler closure and the invocation handler.</summary>
    public static void WriteFactoryReturn(SourceWriter w, FunctionSpec function, GenerationSpec spec)
    {
        w.WriteLine(Http + "HttpRouteHandler route = " + (function.IsStatic ? "HandleAsync;" : "(request, invocation) => HandleAsync(target, request, invocation);"));
        w.WriteLine("return invocation => " + Http + "HttpFunction.InvokeAsync(invocation, route, " + JsonOptions(spec.JsonContext) + ");");
    }

    /// <summary>
    /// The end of a class function's factory: one router, built once, mapping every route of every endpoint to the
    /// endpoint's wrapper (static wrappers as method groups, instance ones through the handler instance).
    /// </summary>
    public static void WriteRouterReturn(SourceWriter w, FunctionSpec function, GenerationSpec spec)
    {
        w.WriteLine("var router = new " + Http + "HttpRouter()");
        w.Indent();
        var names = WrapperNames(function);
        var lines = new List<string>();
        for (var i = 0; i < function.Endpoints.Count; i++)
        {
            var endpoint = function.Endpoints[i];
            var handler = endpoint.IsStatic ? names[i] : "(request, invocation) => " + names[i] + "(target, request, invocation)";
            foreach (var route in endpoint.Http!.Routes)
            {
                lines.Add(".Map(" + Literals.CSharpString(route.Method) + ", " + Literals.CSharpString(route.Template) + ", " + handler + ")");
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            w.WriteLine(lines[i] + (i == lines.Count - 1 ? ";" : ""));
        }

        w.Unindent();
        w.WriteLine("return invocation => " + Http + "HttpFunction.InvokeAsync(invocation, router, " + JsonOptions(spec.JsonContext) + ");");
    }

    /// <summary>
    /// The route wrapper of each endpoint: <c>HandleAsync</c> for a method function; for a class function
    /// <c>{Method}_Http</c> (overloads numbered), its static fields prefixed with the same name.
    /// </summary>
    public static void WriteHandlers(SourceWriter w, FunctionSpec function, GenerationSpec spec)
    {
        if (!function.IsClassFunction)
        {
            WriteHandler(w, function.Handlers.First(), function.HandlerType, "HandleAsync", "", spec);
            return;
        }

        var names = WrapperNames(function);
        for (var i = 0; i < function.Endpoints.Count; i++)
        {
            if (i > 0)
            {
                w.WriteLine();
            }

            WriteHandler(w, function.Endpoints[i], function.HandlerType, names[i], names[i].Substring(0, names[i].Length - "Http".Length), spec);
        }
    }

    /// <summary><c>{Method}_Http</c> per endpoint; overloads get <c>{Method}_{n}_Http</c> (n from 1, in source order).</summary>
    private static List<string> WrapperNames(FunctionSpec function)
    {
        var counts = function.Endpoints.GroupBy(e => e.MethodName, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var endpoint in function.Endpoints)
        {
            var name = endpoint.MethodName;
            if (counts[name] > 1)
            {
                seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 1;
                name += "_" + seen[name].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names.Add(name + "_Http");
        }

        return names;
    }

    /// <summary>The <c>Routes = ...</c> initializer of the definition (inside its object initializer): every route the function serves.</summary>
    public static void WriteRoutes(SourceWriter w, IEnumerable<HttpRouteSpec> routes)
    {
        w.OpenBlock("Routes = new " + Http + "HttpRouteDefinition[]");
        foreach (var route in routes)
        {
            var format = route.Api == HttpApiKind.RestApi ? "Version1" : "Version2";
            w.WriteLine("new " + Http + "HttpRouteDefinition(" + Literals.CSharpString(route.Method) + ", " + Literals.CSharpString(route.Template) + ", " + Http + "HttpPayloadFormat." + format + "),");
        }

        w.CloseBlock(",");
    }

    /// <summary>The regular expressions of <c>[RegularExpression]</c> checks (static fields, names after <paramref name="prefix"/>) and the route wrapper.</summary>
    private static void WriteHandler(SourceWriter w, EndpointSpec function, TypeRef handlerType, string wrapperName, string prefix, GenerationSpec spec)
    {
        var http = function.Http!;
        foreach (var parameter in http.Parameters)
        {
            for (var i = 0; i < parameter.Validations.Count; i++)
            {
                if (parameter.Validations[i].Kind == HttpValidationKind.RegularExpression)
                {
                    w.WriteLine("private static readonly global::System.Text.RegularExpressions.Regex " + prefix + RegexField(parameter, i)
                        + " = new global::System.Text.RegularExpressions.Regex(" + parameter.Validations[i].Arguments[0] + ");");
                    w.WriteLine();
                }
            }

            foreach (var property in parameter.BodyProperties)
            {
                if (property.JsonName is null)
                {
                    var options = spec.JsonContext is null ? "global::System.Text.Json.JsonSerializerOptions.Default" : JsonOptions(spec.JsonContext);
                    w.WriteLine("private static readonly string " + prefix + FieldName(parameter, property) + " = " + Binder + "JsonPath(" + options + ", "
                        + Literals.CSharpString(property.Name) + ");");
                    w.WriteLine();
                }

                for (var i = 0; i < property.Validations.Count; i++)
                {
                    if (property.Validations[i].Kind == HttpValidationKind.RegularExpression)
                    {
                        w.WriteLine("private static readonly global::System.Text.RegularExpressions.Regex " + prefix + RegexField(parameter, property, i)
                            + " = new global::System.Text.RegularExpressions.Regex(" + property.Validations[i].Arguments[0] + ");");
                        w.WriteLine();
                    }
                }
            }
        }

        var isAsync = function.Return.IsAsync;
        var targetParameter = function.IsStatic ? "" : handlerType.FullyQualifiedName + " target, ";
        w.WriteLine("/// <summary>Binds the request (every mistake in one 400), validates, calls the handler and maps its result.</summary>");
        w.OpenBlock("public static " + (isAsync ? "async " : "") + ValueTaskOfResult + " " + wrapperName + "(" + targetParameter
            + "global::Serverless.HttpRequestData request, " + Runtime + "LambdaInvocation invocation)");
        var needsErrors = !http.Parameters.All(p => p.Source == HttpBindingSource.Request);
        if (needsErrors)
        {
            w.WriteLine("var errors = new " + Http + "BindingErrors();");
        }

        var arguments = new List<string>();
        foreach (var parameter in function.Parameters)
        {
            var local = "p_" + parameter.Name;
            arguments.Add(local);
            if (parameter.Kind != ParameterKind.Http)
            {
                w.WriteLine("var " + local + " = " + SourceEmitter.Bind(parameter, spec.JsonContext) + ";");
                continue;
            }

            var bound = http.Parameter(parameter.Name)!;
            var reflection = bound.Source == HttpBindingSource.Body && spec.JsonContext is null;
            if (reflection)
            {
                w.WriteLine("#pragma warning disable IL2026, IL3050 // no JsonSerializerContext: reflection-based JSON (SLS1015)");
            }

            var checksBody = !bound.BodyProperties.IsEmpty;
            if (checksBody)
            {
                w.WriteLine("var fields_" + parameter.Name + " = errors.Count;");
            }

            w.WriteLine("var " + local + " = " + Bind(bound, spec.JsonContext) + ";");
            if (reflection)
            {
                w.WriteLine("#pragma warning restore IL2026, IL3050");
            }

            WriteValidations(w, bound, local, prefix);
            if (checksBody)
            {
                WriteBodyValidations(w, bound, local, "fields_" + parameter.Name, prefix);
            }
        }

        if (needsErrors)
        {
            w.OpenBlock("if (errors.HasErrors)");
            w.WriteLine(Return(isAsync, "errors.ToResult()"));
            w.CloseBlock();
        }

        w.WriteLine();
        var call = (function.IsStatic ? handlerType.FullyQualifiedName : "target") + "." + SourceEmitter.Identifier(function.MethodName) + "(" + string.Join(", ", arguments) + ")";
        var ret = function.Return;
        switch (http.Result)
        {
            case HttpResultKind.NoContent:
                w.WriteLine((isAsync ? "await " + call + ".ConfigureAwait(false)" : call) + ";");
                w.WriteLine(Return(isAsync, Results + "NoContent()"));
                break;
            case HttpResultKind.HttpResult:
                w.WriteLine(Return(isAsync, (isAsync ? "await " + call + ".ConfigureAwait(false)" : call) + (ret.IsNullable ? "!" : "")));
                break;
            default:
                w.WriteLine("var result = " + (isAsync ? "await " + call + ".ConfigureAwait(false)" : call) + ";");
                var type = ret.ResultType!;
                var reflection = spec.JsonContext is null;
                if (reflection)
                {
                    w.WriteLine("#pragma warning disable IL2026, IL3050 // no JsonSerializerContext: reflection-based JSON (SLS1015)");
                }

                var ok = Results + "Ok<" + type.FullyQualifiedName + ">(result, " + SourceEmitter.TypeInfo(type, spec.JsonContext) + ")";
                w.WriteLine(Return(isAsync, http.NotFoundOnNull ? "result is null ? " + Results + "NotFound() : " + ok : ok));
                if (reflection)
                {
                    w.WriteLine("#pragma warning restore IL2026, IL3050");
                }

                break;
        }

        w.CloseBlock();
    }

    private static string Return(bool isAsync, string value) =>
        isAsync ? "return " + value + ";" : "return new " + ValueTaskOfResult + "(" + value + ");";

    private static string JsonOptions(JsonContextSpec? context) =>
        context is null ? "null" : context.Type.FullyQualifiedName + ".Default.Options";

    private static string RegexField(HttpParameterSpec parameter, HttpBodyPropertySpec property, int index) =>
        "Pattern_" + parameter.Name + "_" + property.Name + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The static field holding a body property's error key under the JSON options' naming policy.</summary>
    private static string FieldName(HttpParameterSpec parameter, HttpBodyPropertySpec property) => "Field_" + parameter.Name + "_" + property.Name;

    private static string RegexField(HttpParameterSpec parameter, int index) => "Pattern_" + parameter.Name + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The binding expression of one request-bound parameter.</summary>
    private static string Bind(HttpParameterSpec p, JsonContextSpec? context)
    {
        var field = Literals.CSharpString(p.FieldName);
        var value = p.ValueType.FullyQualifiedName;
        switch (p.Source)
        {
            case HttpBindingSource.Request:
                return "request";
            case HttpBindingSource.Body:
                var body = Binder + "Body<" + p.ValueType.FullyQualifiedName + ">(request, " + SourceEmitter.TypeInfo(p.ValueType, context) + ", errors"
                    + (p.IsRequired ? "" : ", required: false") + (p.FieldName == "body" ? "" : ", field: " + field) + ")";
                return body + (p.IsNullable || !p.IsReferenceValue ? "" : "!");
        }

        var collection = p.Source switch
        {
            HttpBindingSource.Route => "request.RouteValues",
            HttpBindingSource.Header => "request.Headers",
            _ => "request.Query",
        };
        var isEnum = p.ValueKind == HttpValueKind.Enum;
        var parser = Parser(p);
        if (p.Collection != HttpCollectionKind.None)
        {
            var method = (isEnum ? "ParseEnum" : "Parse") + (p.Collection == HttpCollectionKind.List ? "List" : "Array");
            return Binder + method + "<" + value + ">(" + collection + ".GetValues(" + field + "), " + field + ", errors" + parser + (p.IsRequired ? ", required: true" : "") + ")";
        }

        var raw = collection + "[" + field + "]";
        var defaultArgument = p.DefaultValue is { } d && d != "null" && d != "default" ? ", " + d : "";
        if (p.IsRequired)
        {
            return Binder + (isEnum ? "ParseEnum" : "Parse") + "<" + value + ">(" + raw + ", " + field + ", errors" + parser + ")";
        }

        if (p.IsNullableValueType)
        {
            return Binder + (isEnum ? "ParseEnumNullable" : "ParseNullable") + "<" + value + ">(" + raw + ", " + field + ", errors" + parser + defaultArgument + ")";
        }

        var optional = Binder + (isEnum ? "ParseEnumOptional" : "ParseOptional") + "<" + value + ">(" + raw + ", " + field + ", errors" + parser + defaultArgument + ")";
        return optional + (p.IsNullable || !p.IsReferenceValue ? "" : "!");
    }

    /// <summary>
    /// For a type that is not <c>IParsable&lt;T&gt;</c> but has a static <c>TryParse</c>: the <c>HttpValueParser&lt;T&gt;</c>
    /// argument calling it directly (a static lambda, cached by the compiler; no reflection). Empty otherwise.
    /// </summary>
    private static string Parser(HttpParameterSpec p)
    {
        var culture = p.ValueKind switch
        {
            HttpValueKind.TryParse => "",
            HttpValueKind.TryParseWithFormatProvider => "global::System.Globalization.CultureInfo.InvariantCulture, ",
            _ => null,
        };
        if (culture is null)
        {
            return "";
        }

        // The out value goes through a local so a TryParse declaring `out T?` (null on failure) needs no suppression at the call.
        var type = p.ValueType.FullyQualifiedName;
        var resultType = type + (p.IsReferenceValue ? "?" : "");
        return ", static (string text, out " + type + " value) => { var parsed = " + type + ".TryParse(text, " + culture
            + "out " + resultType + " result); value = result!; return parsed; }";
    }

    private static void WriteValidations(SourceWriter w, HttpParameterSpec p, string local, string prefix)
    {
        if (p.Validations.IsEmpty)
        {
            return;
        }

        var field = Literals.CSharpString(p.FieldName);
        w.OpenBlock("if (errors[" + field + "].Count == 0)");
        for (var i = 0; i < p.Validations.Count; i++)
        {
            w.WriteLine(Check(p.Validations[i], local, p.ValueType, prefix + RegexField(p, i), field));
        }

        w.CloseBlock();
        w.WriteLine();
    }

    /// <summary>
    /// The checks of the body's properties, keyed by their JSON path (<c>$.price</c>, as the body binder's errors),
    /// when the body bound without errors and is not null.
    /// </summary>
    private static void WriteBodyValidations(SourceWriter w, HttpParameterSpec p, string local, string fieldsBefore, string prefix)
    {
        // The null test is on a copy so a body declared non-nullable keeps its (not null) state for the call.
        var body = "b" + local.Substring(1);
        w.WriteLine("var " + body + " = " + local + ";");
        w.OpenBlock("if (" + body + " is not null && errors.Count == " + fieldsBefore + ")");
        foreach (var property in p.BodyProperties)
        {
            var field = property.JsonName is { } name ? Literals.CSharpString("$." + name) : prefix + FieldName(p, property);
            var value = body + "." + SourceEmitter.Identifier(property.Name);
            for (var i = 0; i < property.Validations.Count; i++)
            {
                w.WriteLine(Check(property.Validations[i], value, property.ValueType, prefix + RegexField(p, property, i), field));
            }
        }

        w.CloseBlock();
        w.WriteLine();
    }

    private static string Check(HttpValidationSpec v, string value, TypeRef valueType, string regexField, string field)
    {
        var message = v.Message is null ? "" : ", " + Literals.CSharpString(v.Message);
        var args = v.Kind switch
        {
            HttpValidationKind.Required => "Required(" + value,
            // A range in another type than the value's converts the value (nullable: null still passes).
            HttpValidationKind.Range => (v.OperandType is { } operand
                    ? "Range<" + operand + ">((" + operand + "?)" + value
                    : "Range<" + valueType.FullyQualifiedName + ">(" + value) + ", " + v.Arguments[0] + ", " + v.Arguments[1]
                + (v.Arguments.Count == 4 ? ", " + v.Arguments[2] + ", " + v.Arguments[3] : ""),
            HttpValidationKind.StringLength => "StringLength(" + value + ", " + v.Arguments[0] + ", " + v.Arguments[1],
            HttpValidationKind.MinLength => "MinLength(" + value + ", " + v.Arguments[0],
            HttpValidationKind.MaxLength => "MaxLength(" + value + ", " + v.Arguments[0],
            HttpValidationKind.RegularExpression => "RegularExpression(" + value + ", " + regexField,
            _ => "EmailAddress(" + value,
        };
        var exclusive = (v.MinimumIsExclusive ? ", minimumIsExclusive: true" : "") + (v.MaximumIsExclusive ? ", maximumIsExclusive: true" : "");
        return Validation + args + ", " + field + ", errors" + message + exclusive + ");";
    }
}
