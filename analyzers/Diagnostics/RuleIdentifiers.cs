namespace Serverless.Analyzers.Diagnostics;

/// <summary>Every rule ID the product reports. IDs are never reused; see docs/rules/README.md.</summary>
public static class RuleIdentifiers
{
    public const string MoreThanOneEventParameter = "SLS1001";
    public const string ByRefParameter = "SLS1002";
    public const string GenericHandler = "SLS1003";
    public const string InaccessibleHandler = "SLS1004";
    public const string UnsupportedReturnType = "SLS1005";
    public const string DuplicateFunctionName = "SLS1006";
    public const string InvalidLogicalId = "SLS1007";
    public const string HandlerStringTooLong = "SLS1008";
    public const string NotAnExecutable = "SLS1009";
    public const string ProjectHasOwnMain = "SLS1010";
    public const string MissingStartup = "SLS1011";
    public const string DuplicateStartup = "SLS1012";
    public const string InvalidStartup = "SLS1013";
    public const string JsonContextLacksType = "SLS1014";
    public const string NoJsonContext = "SLS1015";
    public const string InvalidJsonContext = "SLS1016";
    public const string HandlerClassNotCreatable = "SLS1017";
    public const string TimeoutOutOfRange = "SLS1100";
    public const string MemorySizeOutOfRange = "SLS1101";
    public const string EphemeralStorageOutOfRange = "SLS1102";
    public const string EdgeEnvironment = "SLS1110";
    public const string EdgeTimeout = "SLS1111";
    public const string EdgeViewerMemory = "SLS1112";
    public const string EdgeArchitecture = "SLS1113";
    public const string EnvironmentTooLarge = "SLS1120";
    public const string SecretInEnvironment = "SLS1121";
    public const string EnvironmentSource = "SLS1122";
    public const string PerRequestDatabaseConnection = "SLS2001";
    public const string PerRequestHttpClient = "SLS2002";
    public const string PerRequestAwsClient = "SLS2003";
    public const string BlockingOnAsync = "SLS2004";
    public const string InvalidRoute = "SLS3001";
    public const string RouteParameterNotBound = "SLS3002";
    public const string RouteValueNotInRoute = "SLS3003";
    public const string MoreThanOneBody = "SLS3004";
    public const string BodyWithoutRequestContent = "SLS3005";
    public const string UnbindableHttpParameter = "SLS3006";
    public const string DuplicateRoute = "SLS3007";
    public const string TimeoutAboveIntegrationTimeout = "SLS3008";
    public const string RouteWithoutAuth = "SLS3009";
    public const string CorsAnyOriginWithCredentials = "SLS3010";
    public const string UnknownAuthorizer = "SLS3011";
    public const string AuthNotSupportedByApi = "SLS3012";
    public const string ScopesWithoutScopeSupport = "SLS3013";
    public const string InvalidApiSetting = "SLS3014";
    public const string InvalidAuthorizer = "SLS3015";
    public const string AuthorizerFunctionNotFound = "SLS3016";
    public const string UncheckableRange = "SLS3017";
    public const string ClassFunctionWithoutRoutes = "SLS3020";
    public const string LambdaFunctionInClassFunction = "SLS3021";
    public const string RoutedMethodNotServed = "SLS3022";
    public const string SettingOnEndpoint = "SLS3023";
    public const string InternalError = "SLS9001";
}
