using System.Collections.Generic;

namespace Serverless.Analyzers.Model;

/// <summary>
/// One method a function runs: the <c>[LambdaFunction]</c> method itself, or one routed public method of a class
/// function (<see cref="FunctionSpec.Endpoints"/>). The function stays the unit of deployment; its endpoints are what
/// an invocation may call.
/// </summary>
/// <param name="MethodName">The method's name.</param>
/// <param name="MethodDisplayName"><c>Namespace.Type.Method</c>, for messages.</param>
/// <param name="IsStatic">Whether the method is static (no handler instance).</param>
/// <param name="Parameters">The method's parameters in order.</param>
/// <param name="Return">The return shape.</param>
/// <param name="Http">Its routes and request binding; null for a method function that is not HTTP.</param>
public sealed record EndpointSpec(
    string MethodName,
    string MethodDisplayName,
    bool IsStatic,
    EquatableArray<ParameterSpec> Parameters,
    ReturnSpec Return,
    HttpSpec? Http)
{
    /// <summary>
    /// The types that go through JSON serialization: the JSON event type (HTTP: the body types), then the JSON result
    /// type (HTTP: unless the result is an <c>IHttpResult</c> or nothing), then (HTTP) the JSON bodies of the declared responses.
    /// </summary>
    public IEnumerable<TypeRef> JsonTypes
    {
        get
        {
            if (Http is { } http)
            {
                foreach (var body in http.BodyTypes)
                {
                    yield return body;
                }

                if (http.Result == HttpResultKind.Json && Return.ResultType is not null)
                {
                    yield return Return.ResultType;
                }

                foreach (var response in http.Responses)
                {
                    if (response is { IsContextJson: true, Type: { } type })
                    {
                        yield return type;
                    }
                }

                yield break;
            }

            foreach (var parameter in Parameters)
            {
                if (parameter is { Kind: ParameterKind.Json })
                {
                    yield return parameter.Type;
                    break;
                }

                if (parameter.IsEvent)
                {
                    break;
                }
            }

            if (Return.Result == ResultKind.Json && Return.ResultType is not null)
            {
                yield return Return.ResultType;
            }
        }
    }
}
