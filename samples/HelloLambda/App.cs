[assembly: ServerlessApp("hello", MemorySize = 256, Timeout = 10, Tags = new[] { "team=samples" })]
[assembly: Environment("STAGE", "dev")]
