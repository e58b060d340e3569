// The Aspire SDK's implicit usings, with Aspire's namespaces swapped for Parity's. The AppHosts beside this file are
// written as they are for Aspire; a file that names another Aspire namespace swaps its own using lines, and nothing else.
global using Parity.Hosting;
global using Parity.Hosting.ApplicationModel;
