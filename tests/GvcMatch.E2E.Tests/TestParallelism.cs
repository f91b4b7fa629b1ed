// Each test class starts its own app with WebApplicationFactory on Program. Two of them starting
// at once in one process interfered here: one host came up on the default port 5000 instead of a
// free one (the factory reaches Program's host through a process-wide hook). Browser tests are
// heavy on two cores anyway, so the classes run one after another.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
