using System;

namespace Serverless;

/// <summary>
/// Marks the class that configures dependency injection. It needs a public parameterless constructor and a
/// public method <c>void ConfigureServices(IServiceCollection services)</c>; the generated entry point calls
/// it once per process. Constructor dependencies of handler classes and <see cref="FromServicesAttribute"/>
/// parameters are resolved from the services it registers, with a scope per invocation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LambdaStartupAttribute : Attribute
{
}
