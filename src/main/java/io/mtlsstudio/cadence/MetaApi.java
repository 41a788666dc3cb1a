package io.mtlsstudio.cadence;

import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.mtlsstudio.cadence.proto.HealthRequest;
import io.mtlsstudio.cadence.proto.HealthResponse;

/** The one Cadence method the probe calls: unary {@code uber.cadence.api.v1.MetaAPI/Health}. */
public final class MetaApi {

    public static final String SERVICE_NAME = "uber.cadence.api.v1.MetaAPI";

    public static final MethodDescriptor<HealthRequest, HealthResponse> HEALTH =
            MethodDescriptor.<HealthRequest, HealthResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Health"))
                    .setRequestMarshaller(ProtoUtils.marshaller(HealthRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(HealthResponse.getDefaultInstance()))
                    .build();

    /** Health message of a frontend that has started but does not serve yet. */
    public static final String WARMING_UP = "WarmingUp";
    /** Health message of a frontend that is stopping. */
    public static final String SHUTTING_DOWN = "ShuttingDown";

    private MetaApi() {
    }
}
