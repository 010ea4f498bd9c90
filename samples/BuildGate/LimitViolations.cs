namespace BuildGate;

public static class LimitViolations
{
    // SLS1100: over Lambda's 900 s.
    [LambdaFunction(Timeout = 1200)]
    public static void LongRunning(Order order) { }

    // SLS1101: under Lambda's 128 MB.
    [LambdaFunction(MemorySize = 64)]
    public static void Tiny(Order order) { }

    // SLS1102: over Lambda's 10,240 MB of /tmp.
    [LambdaFunction(EphemeralStorage = 20480)]
    public static void HugeDisk(Order order) { }
}

public static class EdgeViolations
{
    // SLS1110: Lambda@Edge has no environment variables.
    [LambdaFunction(Architecture = LambdaArchitecture.X86_64)]
    [LambdaEdge(EdgeEvent.OriginRequest)]
    [Serverless.Environment("ORIGIN", "https://example.com")]
    public static string Route(string request) => request;

    // SLS1111: viewer events allow 5 s; SLS1112: and 128 MB.
    [LambdaFunction(Timeout = 10, MemorySize = 256)]
    [LambdaEdge(EdgeEvent.ViewerRequest)]
    public static string Rewrite(string request) => request;

    // SLS1113: Lambda@Edge runs on x86_64 only.
    [LambdaFunction(Architecture = LambdaArchitecture.Arm64)]
    [LambdaEdge(EdgeEvent.OriginResponse)]
    public static string Headers(string request) => request;
}
