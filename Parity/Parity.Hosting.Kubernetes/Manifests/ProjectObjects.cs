using k8s.Models;
using Parity.Hosting.ApplicationModel;
using Parity.Hosting.Publishing;

namespace Parity.Hosting.Kubernetes;

/// <summary>A project in the cluster: a Deployment behind a Service, or a Job when it runs once for others to wait on.</summary>
internal static class ProjectObjects
{
    public const string DefaultImageTag = PublishedImages.DefaultTag;

    public static IEnumerable<KubernetesDocument> For(ProjectResource project, LaunchDescription launch, string secretName)
    {
        var environment = ContainerEnvironment.Of(launch, secretName);
        yield return new(ClusterNames.FileName(project, V1ConfigMap.KubeKind), ConfigMap(project, environment));
        if (launch.RunsOnce)
        {
            yield return new(ClusterNames.FileName(project, V1Job.KubeKind), Job(project, environment));
            yield break;
        }
        var documents = project.DeploymentStrategyOf() switch
        {
            BlueGreenStrategy => StrategyObjects.BlueGreen(project, Pods(project, environment), ClusterReplicas(project)),
            CanaryStrategy canary => StrategyObjects.Canary(project, Pods(project, environment), ClusterReplicas(project), canary),
            _ => Rolling(project, environment),
        };
        foreach (var document in documents)
        {
            yield return document;
        }
        if (WaitInitContainers.WaitsForCompletion(project))
        {
            foreach (var document in JobWaiterAccess(project))
            {
                yield return document;
            }
        }
    }

    /// <summary>Today's form: one Deployment, its Service (and Ingress), a budget when several replicas, the autoscaler.</summary>
    private static IEnumerable<KubernetesDocument> Rolling(ProjectResource project, ContainerEnvironment environment)
    {
        yield return new(ClusterNames.FileName(project, V1Deployment.KubeKind), Pods(project, environment).Deployment(project.Name, new Dictionary<string, string>(), ClusterReplicas(project)));
        foreach (var document in Exposure(project))
        {
            yield return document;
        }
        if (ClusterReplicas(project) > 1)
        {
            yield return new(ClusterNames.FileName(project, V1PodDisruptionBudget.KubeKind), DisruptionBudget(project.Name));
        }
        if (project.TryGetLastAnnotation<AutoscalingAnnotation>(out var autoscaling))
        {
            yield return new(ClusterNames.FileName(project, V2HorizontalPodAutoscaler.KubeKind), Autoscaler(project, project.Name, autoscaling));
        }
    }

    /// <summary>WithReplicas, raised to the autoscaler's minimum when there is one.</summary>
    private static int ClusterReplicas(ProjectResource project) =>
        Math.Max(project.ReplicaCount(), project.TryGetLastAnnotation<AutoscalingAnnotation>(out var autoscaling) ? autoscaling.MinReplicas : 1);

    /// <summary>Scales the Deployment named <paramref name="deployment"/> (the autoscaler takes its name) on CPU.</summary>
    public static V2HorizontalPodAutoscaler Autoscaler(ProjectResource project, string deployment, AutoscalingAnnotation autoscaling) => new()
    {
        ApiVersion = $"{V2HorizontalPodAutoscaler.KubeGroup}/{V2HorizontalPodAutoscaler.KubeApiVersion}",
        Kind = V2HorizontalPodAutoscaler.KubeKind,
        Metadata = ClusterNames.Metadata(project, deployment),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = V1Deployment.KubeKind, Name = deployment },
            MinReplicas = autoscaling.MinReplicas,
            MaxReplicas = autoscaling.MaxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = autoscaling.TargetCpuPercent },
                    },
                },
            ],
        },
    };

    /// <summary>At most one pod of <paramref name="name"/>'s (of one of its Deployments, given its labels) drained at a time.</summary>
    public static V1PodDisruptionBudget DisruptionBudget(string name, string? budgetName = null, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        ApiVersion = $"{V1PodDisruptionBudget.KubeGroup}/{V1PodDisruptionBudget.KubeApiVersion}",
        Kind = V1PodDisruptionBudget.KubeKind,
        Metadata = new V1ObjectMeta { Name = budgetName ?? name, Labels = new Dictionary<string, string> { [ClusterNames.NameLabel] = name } },
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = ClusterNames.Labels(name, labels) },
        },
    };

    private static V1ConfigMap ConfigMap(ProjectResource project, ContainerEnvironment environment) => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = ClusterNames.Metadata(project, ClusterNames.ConfigMapName(project)),
        Data = environment.Plain,
    };

    private static ProjectPods Pods(ProjectResource project, ContainerEnvironment environment) => new(project, environment);

    /// <summary>The pods of a project's Deployments: the same pod under every name and label a strategy gives them.</summary>
    internal sealed record ProjectPods(ProjectResource Project, ContainerEnvironment Environment)
    {
        public V1Deployment Deployment(string name, IReadOnlyDictionary<string, string> labels, int replicas) => new()
        {
            ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
            Kind = V1Deployment.KubeKind,
            Metadata = new V1ObjectMeta { Name = name, Labels = ClusterNames.Labels(Project.Name, labels) },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = ClusterNames.Labels(Project.Name, labels) },
                // Never below the declared capacity while a new version rolls out.
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = ClusterNames.Labels(Project.Name, labels) },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = WaitInitContainers.WaitsForCompletion(Project) ? Project.Name : null,
                        InitContainers = WaitInitContainers.For(Project),
                        Containers = [Container(Project, Environment, withProbes: true)],
                    },
                },
            },
        };
    }

    private static V1Job Job(ProjectResource project, ContainerEnvironment environment) => new()
    {
        ApiVersion = $"{V1Job.KubeGroup}/{V1Job.KubeApiVersion}",
        Kind = V1Job.KubeKind,
        Metadata = ClusterNames.Metadata(project),
        Spec = new V1JobSpec
        {
            BackoffLimit = 6,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = ClusterNames.Selector(project) },
                Spec = new V1PodSpec
                {
                    RestartPolicy = "OnFailure",
                    InitContainers = WaitInitContainers.For(project),
                    Containers = [Container(project, environment, withProbes: false)],
                },
            },
        },
    };

    private static V1Container Container(ProjectResource project, ContainerEnvironment environment, bool withProbes)
    {
        var probes = project.TryGetLastAnnotation<ProbesAnnotation>(out var declared) ? declared
            : new ProbesAnnotation("/alive", project.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var health) ? health.Path : "/health");
        var http = project.Endpoints().FirstOrDefault(e => e.UriScheme == "http");
        return new V1Container
        {
            Name = project.Name,
            Image = $"{ClusterNames.ImageName(project)}:{DefaultImageTag}",
            Args = environment.Args,
            Ports = withProbes ? ContainerPorts(project) : null,
            EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = ClusterNames.ConfigMapName(project) } }],
            Env = environment.SecretDerived.Count > 0 ? environment.SecretDerived : null,
            Resources = DefaultResources(),
            // ServiceDefaults maps /alive (the process answers) and /health (its dependencies answer too); WithHttpProbe overrides.
            StartupProbe = withProbes ? DeclaredProbes.Of(project, ProbeType.Startup) : null,
            LivenessProbe = !withProbes ? null : DeclaredProbes.Of(project, ProbeType.Liveness) ?? (http is not null ? HttpProbe(probes.LivenessPath, http.Name) : null),
            ReadinessProbe = !withProbes ? null : DeclaredProbes.Of(project, ProbeType.Readiness) ?? (http is not null ? HttpProbe(probes.ReadinessPath, http.Name) : null),
        };
    }

    /// <summary>What every Deployment's container requests and may use; the prod overlay raises both.</summary>
    public static V1ResourceRequirements DefaultResources() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("512Mi") },
    };

    public static V1Probe HttpProbe(string path, string portName) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = portName },
        InitialDelaySeconds = 5,
        PeriodSeconds = 10,
        FailureThreshold = 3,
    };

    public static IList<V1ContainerPort>? ContainerPorts(IResource resource) => resource.Endpoints() is { Count: > 0 } endpoints
        ? [.. endpoints.Select(e => new V1ContainerPort { ContainerPort = ClusterExpressionRenderer.ServicePort(resource, e), Name = e.Name, Protocol = "TCP" })]
        : null;

    /// <summary>A Service over the resource's endpoints, and an Ingress when an HTTP one is external.</summary>
    public static IEnumerable<KubernetesDocument> Exposure(IResource resource)
    {
        if (resource.Endpoints().Count > 0)
        {
            yield return new(ClusterNames.FileName(resource, V1Service.KubeKind), Service(resource));
        }
        if (resource.Endpoints().FirstOrDefault(e => e.IsExternal && e.IsHttp) is { } external)
        {
            yield return new(ClusterNames.FileName(resource, V1Ingress.KubeKind), Ingress(resource, external));
        }
    }

    /// <summary>A ClusterIP Service over every endpoint of the resource, named and selecting as given (the resource's pods by default).</summary>
    public static V1Service Service(IResource resource, string? name = null, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        ApiVersion = V1Service.KubeApiVersion,
        Kind = V1Service.KubeKind,
        Metadata = ClusterNames.Metadata(resource, name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = ClusterNames.Labels(resource.Name, labels),
            Ports = [.. resource.Endpoints().Select(e =>
            {
                var port = ClusterExpressionRenderer.ServicePort(resource, e);
                return new V1ServicePort { Name = e.Name, Port = port, Protocol = "TCP", TargetPort = e.Name, AppProtocol = AppProtocolOf(resource, e) };
            })],
        },
    };

    /// <summary>HTTP/2 with prior knowledge over cleartext, for the proxies and meshes that read it; else none.</summary>
    public static string? AppProtocolOf(IResource resource, EndpointAnnotation endpoint) =>
        Http2ServiceAnnotation.AppliesTo(resource, endpoint) && endpoint.UriScheme == "http" ? "kubernetes.io/h2c" : null;

    /// <summary>Routes every path of the cluster's ingress to one external HTTP endpoint of the resource.</summary>
    public static V1Ingress Ingress(IResource project, EndpointAnnotation endpoint, string? name = null, string? service = null) => new()
    {
        ApiVersion = $"{V1Ingress.KubeGroup}/{V1Ingress.KubeApiVersion}",
        Kind = V1Ingress.KubeKind,
        Metadata = ClusterNames.Metadata(project, name),
        Spec = new V1IngressSpec
        {
            Rules =
            [
                new V1IngressRule
                {
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = service ?? project.Name, Port = new V1ServiceBackendPort { Name = endpoint.Name } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    };

    /// <summary>The init container that waits for a Job asks the API server about it, so the pod needs these rights.</summary>
    private static IEnumerable<KubernetesDocument> JobWaiterAccess(ProjectResource project)
    {
        yield return new(ClusterNames.FileName(project, V1ServiceAccount.KubeKind), new V1ServiceAccount
        {
            ApiVersion = V1ServiceAccount.KubeApiVersion,
            Kind = V1ServiceAccount.KubeKind,
            Metadata = ClusterNames.Metadata(project),
        });
        yield return new(ClusterNames.FileName(project, V1Role.KubeKind), new V1Role
        {
            ApiVersion = $"{V1Role.KubeGroup}/{V1Role.KubeApiVersion}",
            Kind = V1Role.KubeKind,
            Metadata = ClusterNames.Metadata(project),
            Rules = [new V1PolicyRule { ApiGroups = ["batch"], Resources = ["jobs"], Verbs = ["get", "list", "watch"] }],
        });
        yield return new(ClusterNames.FileName(project, V1RoleBinding.KubeKind), new V1RoleBinding
        {
            ApiVersion = $"{V1RoleBinding.KubeGroup}/{V1RoleBinding.KubeApiVersion}",
            Kind = V1RoleBinding.KubeKind,
            Metadata = ClusterNames.Metadata(project),
            RoleRef = new V1RoleRef { ApiGroup = V1Role.KubeGroup, Kind = V1Role.KubeKind, Name = project.Name },
            Subjects = [new Rbacv1Subject { Kind = V1ServiceAccount.KubeKind, Name = project.Name }],
        });
    }
}
