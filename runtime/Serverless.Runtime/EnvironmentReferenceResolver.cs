using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Serverless.Runtime;

/// <summary>
/// Resolves <see cref="EnvironmentReference"/>s through the AWS Parameters and Secrets Lambda Extension's local HTTP
/// endpoint and sets the variables. The endpoint (see
/// https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html and
/// https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html):
/// <c>http://localhost:{PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, default 2773}</c>,
/// <c>GET /systemsmanager/parameters/get?name=...&amp;withDecryption=true</c> answering <c>{"Parameter":{"Value":...}}</c>,
/// <c>GET /secretsmanager/get?secretId=...</c> answering <c>{"SecretString":...}</c>, each with the header
/// <c>X-Aws-Parameters-Secrets-Token: $AWS_SESSION_TOKEN</c>. The extension serves requests during invocations only,
/// not during the init phase, so the bootstrap resolves at the start of the first invocation.
/// </summary>
internal static class EnvironmentReferenceResolver
{
    public const string PortVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";
    public const string TokenHeader = "X-Aws-Parameters-Secrets-Token";
    public const int DefaultPort = 2773;

    /// <summary>
    /// Sets every variable of <paramref name="references"/> that is unset or still holds the reference's own name (what
    /// the function's configuration holds) to the parameter's or secret's value. A variable set to anything else is an
    /// override and is left alone. Throws <see cref="EnvironmentReferenceException"/> naming the variable and the
    /// reference; with <paramref name="local"/>, its message tells the user to set the variable themselves.
    /// </summary>
    public static async Task ResolveAsync(IReadOnlyList<EnvironmentReference> references, LambdaEnvironment environment,
        bool local, CancellationToken cancellationToken)
    {
        var pending = references.Where(r => environment.Get(r.Variable) is not { Length: > 0 } current || current == r.Name).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var port = int.TryParse(environment.Get(PortVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
            ? p
            : DefaultPort;
        var endpoint = "http://localhost:" + port.ToString(CultureInfo.InvariantCulture);
        var token = environment.Get(SessionTokenVariable);

        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(local ? 2 : 10),
        })
        {
            BaseAddress = new Uri(endpoint),
            Timeout = Timeout.InfiniteTimeSpan,   // bounded by the caller's token (the first invocation's deadline)
        };

        // The same parameter or secret behind several variables is fetched once.
        var values = new Dictionary<(EnvironmentReferenceKind, string), string>();
        foreach (var reference in pending)
        {
            if (!values.TryGetValue((reference.Kind, reference.Name), out var value))
            {
                value = await FetchAsync(http, endpoint, token, reference, local, cancellationToken).ConfigureAwait(false);
                values[(reference.Kind, reference.Name)] = value;
            }

            environment.Set(reference.Variable, value);
        }
    }

    private static async Task<string> FetchAsync(HttpClient http, string endpoint, string? token, EnvironmentReference reference,
        bool local, CancellationToken cancellationToken)
    {
        var path = reference.Kind == EnvironmentReferenceKind.Parameter
            ? "/systemsmanager/parameters/get?name=" + Uri.EscapeDataString(reference.Name) + "&withDecryption=true"
            : "/secretsmanager/get?secretId=" + Uri.EscapeDataString(reference.Name);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
        }

        var what = $"Environment variable '{reference.Variable}' could not be resolved from {reference.Describe()}";
        var help = local
            ? $" For a local run, set {reference.Variable} yourself (a variable that is already set wins over the reference), or serve the extension's API on port {PortVariableHint(endpoint)}."
            : " Check that the function has the AWS Parameters and Secrets Lambda Extension layer (template parameter ParametersSecretsExtensionLayerArn) and that its role may read the "
              + (reference.Kind == EnvironmentReferenceKind.Parameter ? "parameter (ssm:GetParameter, and kms:Decrypt for a customer-managed key)." : "secret (secretsmanager:GetSecretValue).");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EnvironmentReferenceException($"{what}: the AWS Parameters and Secrets Lambda Extension does not answer at {endpoint} ({ex.Message}).{help}", ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new EnvironmentReferenceException($"{what}: the AWS Parameters and Secrets Lambda Extension at {endpoint} did not answer in time.{help}", ex);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new EnvironmentReferenceException(
                    $"{what}: the AWS Parameters and Secrets Lambda Extension at {endpoint} answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).{help}");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            string? value = null;
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                if (reference.Kind == EnvironmentReferenceKind.Parameter)
                {
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Parameter", out var parameter)
                        && parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.String)
                    {
                        value = v.GetString();
                    }
                }
                else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("SecretString", out var s) && s.ValueKind == JsonValueKind.String)
                {
                    value = s.GetString();
                }
            }
            catch (JsonException ex)
            {
                throw new EnvironmentReferenceException($"{what}: the extension's answer is not JSON.", ex);
            }

            return value ?? throw new EnvironmentReferenceException(reference.Kind == EnvironmentReferenceKind.Parameter
                ? $"{what}: the extension's answer has no Parameter.Value."
                : $"{what}: the secret has no SecretString (binary secrets cannot be environment variables).");
        }
    }

    private static string PortVariableHint(string endpoint) =>
        new Uri(endpoint).Port.ToString(CultureInfo.InvariantCulture) + " (" + PortVariable + ")";
}
