// 60-describe-cluster.ts: DescribeCluster (key 60), versions 0-1 (KIP-700; the Java admin client's
// describeCluster). One broker, which is also the controller.
import { ApiKey } from '../../protocol/api-keys'
import { ErrorCode } from '../../protocol/error-codes'
import { readDescribeClusterRequest, writeDescribeClusterResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

const BROKER_ENDPOINTS = 1

export default defineHandler({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  read: readDescribeClusterRequest,
  write: writeDescribeClusterResponse,
  handle: (req, ctx) => {
    const { options, clusterId, advertisedPort } = ctx.broker
    const wrongEndpoint = req.endpointType !== BROKER_ENDPOINTS
    return {
      throttleTimeMs: 0,
      errorCode: wrongEndpoint ? ErrorCode.UNSUPPORTED_ENDPOINT_TYPE : ErrorCode.NONE,
      errorMessage: wrongEndpoint ? 'Only broker endpoints exist here.' : null,
      endpointType: req.endpointType,
      clusterId,
      controllerId: options.nodeId,
      brokers: wrongEndpoint ? [] : [{ brokerId: options.nodeId, host: options.advertisedHost, port: advertisedPort, rack: null }],
      clusterAuthorizedOperations: -2147483648,
    }
  },
})
