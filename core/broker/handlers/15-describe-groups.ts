// 15-describe-groups.ts: DescribeGroups (key 15), versions 0-5. v3 adds authorized operations, v4
// groupInstanceId, v5 flexible. An unknown group is reported as state "Dead" without error, as Kafka's
// classic coordinator does. Differences from Kafka: no ACLs, so authorized operations are never computed.
import { ApiKey } from '../../protocol/api-keys'
import { readDescribeGroupsRequest, writeDescribeGroupsResponse } from '../../protocol/generated'
import { defineHandler } from '../handler'

/** DescribeGroupsResponse.json default for AuthorizedOperations: "not requested / not available". */
const NO_AUTHORIZED_OPERATIONS = -2147483648

export default defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  read: readDescribeGroupsRequest,
  write: writeDescribeGroupsResponse,
  handle: (req, ctx) => ({
    throttleTimeMs: 0,
    groups: req.groups.map((id) => {
      const g = ctx.broker.groups.describeGroup(id)
      return {
        errorCode: g.errorCode, groupId: g.groupId, groupState: g.state, protocolType: g.protocolType,
        protocolData: g.protocol, authorizedOperations: NO_AUTHORIZED_OPERATIONS,
        members: g.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId,
          clientHost: m.clientHost, memberMetadata: m.metadata, memberAssignment: m.assignment })),
      }
    }),
  }),
})
