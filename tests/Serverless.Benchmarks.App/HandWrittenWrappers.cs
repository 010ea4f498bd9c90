using System.Globalization;
using Serverless.Runtime;
using Serverless.Runtime.Http;

namespace Serverless.Benchmarks.App;

/// <summary>
/// What a careful developer would write by hand for the two routes of <see cref="OrdersApi"/>, with the same
/// <see cref="AppJson"/> context and the runtime's request and result APIs used directly: read the event, bind and
/// validate (every mistake in one 400), call the same user method, write the response; an exception becomes the
/// same 500. The baseline of the <c>http</c> benchmark against the generated wrappers.
/// </summary>
public static class HandWrittenWrappers
{
    /// <summary>GET /orders/{id}?lines=true, header X-Tenant.</summary>
    public static ValueTask<LambdaResponse> GetOrder(LambdaInvocation invocation)
    {
        var request = HttpFunction.ReadRequest(invocation);
        IHttpResult result;
        try
        {
            Dictionary<string, string[]>? errors = null;
            var idText = request.RouteValues["id"];
            if (!Guid.TryParse(idText, CultureInfo.InvariantCulture, out var id))
            {
                (errors ??= new())["id"] = [string.IsNullOrEmpty(idText) ? "The id field is required." : $"The value '{idText}' is not valid for id."];
            }

            var linesText = request.Query["lines"];
            var lines = false;
            if (!string.IsNullOrEmpty(linesText) && !bool.TryParse(linesText, out lines))
            {
                (errors ??= new())["lines"] = [$"The value '{linesText}' is not valid for lines."];
            }

            var tenant = request.Headers["X-Tenant"] ?? "default";
            if (errors is not null)
            {
                result = HttpResults.ValidationProblem(errors);
            }
            else
            {
                var order = OrdersApi.Get(id, lines, tenant);
                result = order is null ? HttpResults.NotFound() : HttpResults.Ok(order, AppJson.Default.Order);
            }
        }
        catch (Exception ex)
        {
            invocation.Context.Logger.Log(LambdaLogLevel.Error, "Unhandled exception in " + request, ex);
            result = HttpFunction.UnexpectedError(invocation.Context.AwsRequestId);
        }

        return new ValueTask<LambdaResponse>(HttpFunction.WriteResponse(result, request.PayloadFormat, AppJson.Default.Options));
    }

    /// <summary>POST /orders?priority=2 with a JSON body (required) and priority in [1, 5].</summary>
    public static ValueTask<LambdaResponse> CreateOrder(LambdaInvocation invocation)
    {
        var request = HttpFunction.ReadRequest(invocation);
        IHttpResult result;
        try
        {
            Dictionary<string, string[]>? errors = null;
            NewOrder? order = null;
            try
            {
                order = request.Body.IsEmpty ? null : System.Text.Json.JsonSerializer.Deserialize(request.Body.Span, AppJson.Default.NewOrder);
                if (order is null)
                {
                    (errors ??= new())["body"] = ["A non-empty request body is required."];
                }
            }
            catch (System.Text.Json.JsonException ex)
            {
                (errors ??= new())[string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path] = [ex.Message];
            }

            var priorityText = request.Query["priority"];
            var priority = 1;
            if (!string.IsNullOrEmpty(priorityText) && !int.TryParse(priorityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
            {
                (errors ??= new())["priority"] = [$"The value '{priorityText}' is not valid for priority."];
            }
            else if (priority is < 1 or > 5)
            {
                (errors ??= new())["priority"] = ["The field priority must be between 1 and 5."];
            }

            result = errors is not null ? HttpResults.ValidationProblem(errors) : OrdersApi.Create(order!, priority);
        }
        catch (Exception ex)
        {
            invocation.Context.Logger.Log(LambdaLogLevel.Error, "Unhandled exception in " + request, ex);
            result = HttpFunction.UnexpectedError(invocation.Context.AwsRequestId);
        }

        return new ValueTask<LambdaResponse>(HttpFunction.WriteResponse(result, request.PayloadFormat, AppJson.Default.Options));
    }
}
