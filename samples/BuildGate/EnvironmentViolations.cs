namespace BuildGate;

public static class EnvironmentViolations
{
    // SLS1120: Lambda allows 4 KB of environment variables per function, keys and values together.
    [LambdaFunction]
    [Serverless.Environment("POLICY_DOCUMENT", EnvironmentPayload.FiveKilobytes)]
    public static void Oversized(Order order) { }

    // SLS1122: a variable takes exactly one of a value, FromParameter or FromSecret.
    [LambdaFunction]
    [Serverless.Environment("DB_PASSWORD", "literal", FromSecret = "gate/db-password")]
    public static void Ambiguous(Order order) { }
}

internal static class EnvironmentPayload
{
    private const string Line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Kilobyte = Line + Line + Line + Line + Line + Line + Line + Line;
    public const string FiveKilobytes = Kilobyte + Kilobyte + Kilobyte + Kilobyte + Kilobyte;
}
